// Fixture for spec:coverage: getBadge and createUser are never named, and one id is misspelt.
const cases = [{ operationId: "getUser" }, { operationId: "getMee" }];
const dynamic = { operationId: `get${"Me"}` };
describeOperation("getMe", () => [cases, dynamic]);
