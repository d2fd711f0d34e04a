// Fixture for spec:coverage: both naming forms of the convention.
const cases = [
  { operationId: "getUser", method: "GET", path: "/users/{userId}" },
  { operation: 'createUser', method: "POST", path: "/users" },
];
describeOperation("getMe", () => cases);
contractTest(`getBadge`, () => cases);
