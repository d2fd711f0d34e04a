import { type ApiOperationGroup, bodyObject, created, multipartOf, noContent, ok, pathParam, queryBoolean, queryString } from "../api-operation.js";

/** A multipart text part as a boolean: `"true"` or `"false"`, as `FormData` sends one. */
function booleanPart(value: string | undefined): boolean | undefined {
  return value === undefined ? undefined : value === "true";
}

/** Webinars' session branding: wallpaper, virtual backgrounds (uploads) and name tags. */
export const webinarBrandingOperations = {
  getWebinarBranding: (request, model) => ok(model.webinarBranding.view(model.webinars.get(pathParam(request, "webinarId")).id)),

  createWebinarBrandingNameTag: (request, model) => {
    const webinar = model.webinars.get(pathParam(request, "webinarId"));
    return created(model.webinarBranding.createNameTag(webinar.id, bodyObject(request)));
  },

  updateWebinarBrandingNameTag: (request, model) => {
    const webinar = model.webinars.get(pathParam(request, "webinarId"));
    model.webinarBranding.updateNameTag(webinar.id, pathParam(request, "nameTagId"), bodyObject(request));
    return noContent();
  },

  deleteWebinarBrandingNameTag: (request, model) => {
    const webinar = model.webinars.get(pathParam(request, "webinarId"));
    model.webinarBranding.deleteNameTags(webinar.id, queryString(request, "name_tag_ids"));
    return noContent();
  },

  uploadWebinarBrandingVB: (request, model) => {
    const webinar = model.webinars.get(pathParam(request, "webinarId"));
    const { fields, files } = multipartOf(request);
    const options = { default: booleanPart(fields.default), set_default_for_all_panelists: booleanPart(fields.set_default_for_all_panelists) };
    return created(model.webinarBranding.uploadVirtualBackground(webinar.id, files.file, options));
  },

  setWebinarBrandingVB: (request, model) => {
    const webinar = model.webinars.get(pathParam(request, "webinarId"));
    model.webinarBranding.setDefaultVirtualBackground(webinar.id, queryString(request, "id"), queryBoolean(request, "set_default_for_all_panelists"));
    return noContent();
  },

  deleteWebinarBrandingVB: (request, model) => {
    const webinar = model.webinars.get(pathParam(request, "webinarId"));
    model.webinarBranding.deleteVirtualBackgrounds(webinar.id, queryString(request, "ids"));
    return noContent();
  },

  uploadWebinarBrandingWallpaper: (request, model) => {
    const webinar = model.webinars.get(pathParam(request, "webinarId"));
    return created(model.webinarBranding.uploadWallpaper(webinar.id, multipartOf(request).files.file));
  },

  deleteWebinarBrandingWallpaper: (request, model) => {
    model.webinarBranding.deleteWallpaper(model.webinars.get(pathParam(request, "webinarId")).id);
    return noContent();
  },
} satisfies ApiOperationGroup;
