import { expect } from "vitest";
import { type OperationCase, useOperationTable } from "../operation-table.js";

/** One contract test per operation of specs/zoom-api.yaml about the account: tracking fields, H.323/SIP devices, TSP settings, contact groups and divisions. */
const table = useOperationTable();
const { zoom } = table;

/** A SIP phone as `POST /sip_phones/phones` must describe one, for seeding the model. */
function sipPhone(userEmail: string, userName: string) {
  const authorizationName = userEmail.split("@")[0] ?? userEmail;
  return {
    user_email: userEmail,
    user_name: userName,
    authorization_name: authorizationName,
    domain: "sip.example.com",
    password: "not shown",
    server: { proxy_server: "proxy.example.com" },
  };
}

const cases: OperationCase[] = [
  {
    operationId: "trackingfieldList",
    arrange: (world) => {
      world.api.model.account.createTrackingField({ field: "Department", visible: true });
      return {};
    },
    status: 200,
    check: (body) => expect(body.tracking_fields).toEqual(expect.arrayContaining([expect.objectContaining({ field: "Department" })])),
  },
  {
    operationId: "trackingfieldCreate",
    body: { field: "Cost center", required: true, visible: true, recommended_values: ["R&D", "Sales"] },
    status: 201,
    check: (body) => expect(body).toMatchObject({ id: expect.any(String), field: "Cost center", recommended_values: ["R&D", "Sales"] }),
  },
  {
    operationId: "trackingfieldGet",
    arrange: (world) => ({ fieldId: world.api.model.account.createTrackingField({ field: "Region" }).id }),
    status: 200,
    check: (body, params) => expect(body).toMatchObject({ id: params.fieldId, field: "Region" }),
  },
  {
    operationId: "trackingfieldUpdate",
    arrange: (world) => ({ fieldId: world.api.model.account.createTrackingField({ field: "Project", required: false }).id }),
    body: { required: true },
    status: 204,
    check: (_body, params, world) => expect(world.api.model.account.trackingField(String(params.fieldId)).required).toBe(true),
  },
  {
    operationId: "trackingfieldDelete",
    arrange: (world) => ({ fieldId: world.api.model.account.createTrackingField({ field: "Temporary" }).id }),
    status: 204,
    check: (_body, params, world) => expect(() => world.api.model.account.trackingField(String(params.fieldId))).toThrow(),
  },
  {
    operationId: "deviceList",
    arrange: (world) => {
      world.api.model.account.createDevice({ name: "Board room", protocol: "H.323", ip: "10.1.0.1", encryption: "auto" });
      return {};
    },
    query: { page_size: "10" },
    status: 200,
    check: (body) => expect(body.devices).toEqual(expect.arrayContaining([expect.objectContaining({ name: "Board room" })])),
  },
  {
    operationId: "deviceCreate",
    body: { name: "Lobby", protocol: "SIP", ip: "10.1.0.2", encryption: "yes" },
    status: 201,
    check: (body) => expect(body).toMatchObject({ id: expect.any(String), name: "Lobby", protocol: "SIP" }),
  },
  {
    operationId: "deviceUpdate",
    arrange: (world) => ({ deviceId: world.api.model.account.createDevice({ name: "Old room", protocol: "H.323", ip: "10.1.0.3", encryption: "no" }).id }),
    body: { name: "New room", protocol: "H.323", ip: "10.1.0.3", encryption: "auto" },
    status: 204,
  },
  {
    operationId: "deviceDelete",
    arrange: (world) => ({ deviceId: world.api.model.account.createDevice({ name: "Gone room", protocol: "SIP", ip: "10.1.0.4", encryption: "no" }).id }),
    status: 200,
  },
  {
    operationId: "tsp",
    status: 200,
    check: (body) => expect(body).toMatchObject({ tsp_bridge: expect.any(String) }),
  },
  {
    operationId: "tspUpdate",
    body: { enable: true, tsp_provider: "Acme Audio" },
    status: 204,
    check: (_body, _params, world) => expect(world.api.model.account.tsp()).toMatchObject({ enable: true, tsp_provider: "Acme Audio" }),
  },
  {
    operationId: "contactGroups",
    arrange: (world) => {
      world.api.model.contactGroups.create({ group_name: "Listed group" });
      return {};
    },
    status: 200,
    check: (body) => expect(body.groups).toEqual(expect.arrayContaining([expect.objectContaining({ group_name: "Listed group" })])),
  },
  {
    operationId: "contactGroupCreate",
    body: { group_name: "Engineering", group_privacy: 2, description: "Builders", group_members: [{ type: 1, id: "mock-user-ada" }] },
    status: 201,
    check: (body) => expect(body).toMatchObject({ group_name: "Engineering", group_privacy: 2, total_members: 1 }),
  },
  {
    operationId: "contactGroup",
    arrange: (world) => ({ groupId: world.api.model.contactGroups.create({ group_name: "Read me" }).group_id }),
    status: 200,
    check: (body, params) => expect(body).toMatchObject({ group_id: params.groupId, group_name: "Read me", total_members: 0 }),
  },
  {
    operationId: "contactGroupUpdate",
    arrange: (world) => ({ groupId: world.api.model.contactGroups.create({ group_name: "Old name" }).group_id }),
    body: { name: "New name", privacy: 3 },
    status: 204,
    check: (_body, params, world) => expect(world.api.model.contactGroups.view(String(params.groupId))).toMatchObject({ group_name: "New name", group_privacy: 3 }),
  },
  {
    operationId: "contactGroupDelete",
    arrange: (world) => ({ groupId: world.api.model.contactGroups.create({ group_name: "Short-lived" }).group_id }),
    status: 204,
    check: (_body, params, world) => expect(() => world.api.model.contactGroups.view(String(params.groupId))).toThrow(),
  },
  {
    operationId: "contactGroupMembers",
    arrange: (world) => ({ groupId: world.api.model.contactGroups.create({ group_name: "With Ada", group_members: [{ type: 1, id: world.userId }] }).group_id }),
    query: { page_size: "5" },
    status: 200,
    check: (body, _params, world) => expect(body.group_members).toEqual([{ type: 1, id: world.userId, name: "Ada Lovelace" }]),
  },
  {
    operationId: "contactGroupMemberAdd",
    arrange: (world) => ({ groupId: world.api.model.contactGroups.create({ group_name: "Growing" }).group_id }),
    body: { group_members: [{ type: 1, id: "mock-user-ada" }] },
    status: 201,
    check: (body) => expect(body).toEqual({ member_ids: ["mock-user-ada"] }),
  },
  {
    operationId: "contactGroupMemberRemove",
    arrange: (world) => ({ groupId: world.api.model.contactGroups.create({ group_name: "Shrinking", group_members: [{ type: 1, id: world.userId }] }).group_id }),
    query: { member_ids: "mock-user-ada" },
    status: 204,
    check: (_body, params, world) => expect(world.api.model.contactGroups.view(String(params.groupId)).total_members).toBe(0),
  },
  {
    operationId: "listDivisions",
    status: 200,
    check: (body) => expect(body.divisions).toEqual(expect.arrayContaining([expect.objectContaining({ division_id: "main", is_main_division: true })])),
  },
  {
    operationId: "Createadivision",
    body: { division_name: "APAC", division_description: "Asia-Pacific" },
    status: 201,
    check: (body) => expect(body).toMatchObject({ division_id: expect.any(String), division_name: "APAC" }),
  },
  {
    operationId: "Getdivision",
    arrange: (world) => ({ divisionId: world.api.model.divisions.create({ division_name: "Americas" }).division_id }),
    status: 200,
    check: (body) => expect(body).toMatchObject({ division_name: "Americas", is_main_division: false }),
  },
  {
    operationId: "Updateadivision",
    arrange: (world) => ({ divisionId: world.api.model.divisions.create({ division_name: "Nordics" }).division_id }),
    body: { division_description: "Five countries" },
    status: 204,
    check: (_body, params, world) => expect(world.api.model.divisions.get(String(params.divisionId)).division_description).toBe("Five countries"),
  },
  {
    operationId: "Deletedivision",
    arrange: (world) => ({ divisionId: world.api.model.divisions.create({ division_name: "Empty" }).division_id }),
    status: 204,
    check: (_body, params, world) => expect(() => world.api.model.divisions.get(String(params.divisionId))).toThrow(),
  },
  {
    operationId: "listDivisionMembers",
    arrange: (world) => {
      const division = world.api.model.divisions.create({ division_name: "Team of one" });
      world.api.model.divisions.assign(division.division_id, [{ user_id: zoom.addUser({ email: "solo@example.com" }).id }]);
      return { divisionId: division.division_id };
    },
    status: 200,
    check: (body) => expect(body.users).toEqual([expect.objectContaining({ user_email: "solo@example.com" })]),
  },
  {
    operationId: "assigndivisionMember",
    arrange: (world) => ({ divisionId: world.api.model.divisions.create({ division_name: "New hires" }).division_id, userId: zoom.addUser().id }),
    body: (params: Record<string, string | number>) => ({ users: [{ user_id: params.userId }] }),
    status: 201,
    check: (body, params) => expect(body).toMatchObject({ ids: params.userId, added_at: expect.any(String) }),
  },
  {
    operationId: "groups",
    arrange: (world) => {
      world.api.model.groups.create("Listed group");
      return {};
    },
    status: 200,
    check: (body) => expect(body.groups).toEqual(expect.arrayContaining([expect.objectContaining({ name: "Listed group" })])),
  },
  {
    operationId: "groupCreate",
    body: { name: "Marketing" },
    status: 201,
    check: (body) => expect(body).toMatchObject({ id: expect.any(String), name: "Marketing", total_members: 0 }),
  },
  {
    operationId: "group",
    arrange: (world) => ({ groupId: world.api.model.groups.create("Read group").id }),
    status: 200,
    check: (body, params) => expect(body).toMatchObject({ id: params.groupId, name: "Read group" }),
  },
  {
    operationId: "groupUpdate",
    arrange: (world) => ({ groupId: world.api.model.groups.create("Before rename").id }),
    body: { name: "After rename" },
    status: 204,
    check: (_body, params, world) => expect(world.api.model.groups.get(String(params.groupId)).name).toBe("After rename"),
  },
  {
    operationId: "groupDelete",
    arrange: (world) => ({ groupId: world.api.model.groups.create("Doomed group").id }),
    status: 204,
    check: (_body, params, world) => expect(() => world.api.model.groups.get(String(params.groupId))).toThrow(),
  },
  {
    operationId: "groupMembers",
    arrange: (world) => {
      const group = world.api.model.groups.create("Members listed");
      world.api.model.groups.addMembers(group.id, [{ id: world.userId }]);
      return { groupId: group.id };
    },
    query: { page_size: "10" },
    status: 200,
    check: (body, _params, world) => expect(body.members).toEqual([expect.objectContaining({ id: world.userId, email: "ada@example.com" })]),
  },
  {
    operationId: "groupMembersCreate",
    arrange: (world) => ({ groupId: world.api.model.groups.create("Joining").id }),
    body: { members: [{ email: "ada@example.com" }] },
    status: 201,
    check: (body) => expect(body).toMatchObject({ ids: "mock-user-ada", added_at: expect.any(String) }),
  },
  {
    operationId: "updateAGroupMember",
    arrange: (world) => {
      const from = world.api.model.groups.create("Move from");
      const to = world.api.model.groups.create("Move to");
      world.api.model.groups.addMembers(from.id, [{ id: world.userId }]);
      return { groupId: from.id, memberId: world.userId, targetGroupId: to.id };
    },
    body: (params: Record<string, string | number>) => ({ action: "move", target_group_id: params.targetGroupId }),
    status: 204,
    check: (_body, params, world) => expect(world.api.model.groups.get(String(params.targetGroupId)).total_members).toBe(1),
  },
  {
    operationId: "groupMembersDelete",
    arrange: (world) => {
      const group = world.api.model.groups.create("Leaving");
      world.api.model.groups.addMembers(group.id, [{ id: world.userId }]);
      return { groupId: group.id, memberId: world.userId };
    },
    status: 204,
    check: (_body, params, world) => expect(world.api.model.groups.get(String(params.groupId)).total_members).toBe(0),
  },
  {
    operationId: "groupAdmins",
    arrange: (world) => {
      const group = world.api.model.groups.create("Administered");
      world.api.model.groups.addAdmins(group.id, [{ id: world.userId }]);
      return { groupId: group.id };
    },
    status: 200,
    check: (body) => expect(body.admins).toEqual([{ email: "ada@example.com", name: "Ada Lovelace" }]),
  },
  {
    operationId: "groupAdminsCreate",
    arrange: (world) => ({ groupId: world.api.model.groups.create("Needs an admin").id }),
    body: { admins: [{ id: "mock-user-ada" }] },
    status: 201,
    check: (body) => expect(body).toMatchObject({ ids: "mock-user-ada" }),
  },
  {
    operationId: "groupAdminsDelete",
    arrange: (world) => {
      const group = world.api.model.groups.create("Admin leaves");
      world.api.model.groups.addAdmins(group.id, [{ id: world.userId }]);
      return { groupId: group.id, userId: world.userId };
    },
    status: 204,
    check: (_body, params, world) => expect(world.api.model.groups.admins(String(params.groupId), {}).total_records).toBe(0),
  },
  {
    operationId: "ListSIPPhonePhones",
    arrange: (world) => {
      world.api.model.sipPhones.enable(sipPhone("desk@example.com", "Desk phone"));
      return {};
    },
    query: { search_key: "desk" },
    status: 200,
    check: (body) => expect(body.phones).toEqual([expect.objectContaining({ user_email: "desk@example.com", password: expect.any(String) })]),
  },
  {
    operationId: "EnableSIPPhonePhones",
    body: {
      user_email: "grace@example.com",
      user_name: "Grace",
      authorization_name: "grace",
      domain: "sip.example.com",
      password: "s3cret-sip-2",
      display_number: "+442071234567",
      voice_mail: "*97",
      registration_expire_time: 30,
      server: { proxy_server: "proxy.example.com", register_server: "register.example.com", transport_protocol: "TLS" },
      server_2: { proxy_server: "proxy2.example.com", register_server: "register2.example.com", transport_protocol: "UDP" },
      server_3: { proxy_server: "proxy3.example.com", register_server: "register3.example.com", transport_protocol: "AUTO" },
    },
    status: 201,
    check: (body) => {
      expect(body).toMatchObject({ display_number: "+442071234567", voice_mail: "*97", registration_expire_time: 30, server_2: { proxy_server: "proxy2.example.com" }, server_3: { transport_protocol: "AUTO" } });
      expect(body).toHaveProperty("password", "s3cret-sip-2");
    },
  },
  {
    operationId: "EnableSIPPhonePhones",
    body: {
      user_email: "ada@example.com",
      user_name: "Ada",
      authorization_name: "ada",
      domain: "sip.example.com",
      password: "s3cret-sip",
      server: { proxy_server: "proxy.example.com", register_server: "register.example.com", transport_protocol: "TLS" },
    },
    status: 201,
    check: (body) => {
      expect(body).toMatchObject({ phone_id: expect.any(String), user_email: "ada@example.com", display_number: "Ada", registration_expire_time: 60, password: "s3cret-sip" });
    },
  },
  {
    operationId: "UpdateSIPPhonePhones",
    arrange: (world) => ({ phoneId: world.api.model.sipPhones.enable(sipPhone("old@example.com", "Old")).phone_id }),
    body: { voice_mail: "5000" },
    status: 204,
  },
  {
    operationId: "deleteSIPPhonePhones",
    arrange: (world) => ({ phoneId: world.api.model.sipPhones.enable(sipPhone("gone@example.com", "Gone")).phone_id }),
    status: 204,
    check: (_body, _params, world) => expect(world.api.model.sipPhones.list("gone@", {}).phones).toEqual([]),
  },
  {
    operationId: "getArchivedFileStatistics",
    arrange: (world) => {
      world.api.holdMeeting(table.newMeeting(world).id, { archive: true });
      return {};
    },
    status: 200,
    check: (body) => expect(body).toMatchObject({ statistic_by_file_extension: { mp4_file_count: expect.any(Number) } }),
  },
  {
    operationId: "getArchivedFileStatistics",
    arrange: (world) => {
      world.api.holdMeeting(table.newMeeting(world).id, { archive: true });
      return {};
    },
    query: { from: "2020-01-01T00:00:00Z", to: "2099-01-01T00:00:00Z" },
    status: 200,
    check: (body) => expect(body).toMatchObject({ from: "2020-01-01T00:00:00Z", to: "2099-01-01T00:00:00Z", total_records: expect.any(Number) }),
  },
  {
    operationId: "updateArchivedFile",
    arrange: (world) => {
      const past = world.api.holdMeeting(table.newMeeting(world).id, { archive: true });
      return { fileId: world.api.model.archives.fileIdsOf(past.uuid)[0] ?? "" };
    },
    body: { auto_delete: true },
    status: 204,
    check: (_body, params, world) => expect(world.api.model.archives.autoDeleteOf(String(params.fileId))).toBe(true),
  },
  {
    operationId: "deleteArchivedFiles",
    arrange: (world) => ({ meetingUUID: encodeURIComponent(world.api.holdMeeting(table.newMeeting(world).id, { archive: true }).uuid) }),
    status: 204,
  },
];

table.run("Account: every operation answers as the spec says", cases);
