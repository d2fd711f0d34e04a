import { type ApiOperationGroup, created, multipartOf, noContent, pathUser, queryString } from "../api-operation.js";

/** A user's profile picture and virtual background files (multipart uploads). */
export const userUploadOperations = {
  userPicture: (request, model) => created(model.userPictures.upload(pathUser(request, model), multipartOf(request).files.pic_file)),

  userPictureDelete: (request, model) => {
    model.userPictures.delete(pathUser(request, model));
    return noContent();
  },

  uploadVBuser: (request, model) => {
    const user = pathUser(request, model);
    return created(model.virtualBackgrounds.upload({ kind: "user", id: user.id }, multipartOf(request).files.file));
  },

  delUserVB: (request, model) => {
    const user = pathUser(request, model);
    model.virtualBackgrounds.delete({ kind: "user", id: user.id }, queryString(request, "file_ids"));
    return noContent();
  },
} satisfies ApiOperationGroup;
