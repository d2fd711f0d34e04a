// The baseline consumer: the same kind of code with raw fetch and a hand-written type, no @org/zoom-api.
interface User {
  id: string;
  email: string;
}

export async function summary(): Promise<string> {
  const response = await fetch("https://api.zoom.us/v2/users/me", { headers: { Authorization: "Bearer token" } });
  const me = (await response.json()) as User;
  return me.email;
}
