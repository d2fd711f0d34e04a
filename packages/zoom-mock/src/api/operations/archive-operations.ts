import { type ApiOperationGroup, bodyObject, noContent, ok, pageOf, pathParam, queryString } from "../api-operation.js";

/** Files that the account's compliance archiving kept from meetings and webinars. */
export const archiveOperations = {
  listArchivedFiles: (request, model) => {
    const dateType = queryString(request, "query_date_type");
    return ok(
      model.archives.list(
        {
          from: queryString(request, "from"),
          to: queryString(request, "to"),
          queryDateType: dateType === "archive_complete_time" ? "archive_complete_time" : "meeting_start_time",
          // `group_id` is the deprecated single-group form of `group_ids`.
          groupIds: queryString(request, "group_ids") ?? queryString(request, "group_id"),
        },
        pageOf(request),
      ),
    );
  },

  getArchivedFiles: (request, model) => ok(model.archives.session(pathParam(request, "meetingUUID"))),

  getArchivedFileStatistics: (request, model) =>
    ok(model.archives.statistics({ from: queryString(request, "from"), to: queryString(request, "to") })),

  updateArchivedFile: (request, model) => {
    model.archives.setAutoDelete(pathParam(request, "fileId"), bodyObject(request).auto_delete);
    return noContent();
  },

  deleteArchivedFiles: (request, model) => {
    model.archives.deleteSession(pathParam(request, "meetingUUID"));
    return noContent();
  },
} satisfies ApiOperationGroup;
