// A CRM record type declared in another module: only typed linting sees that it carries a phone number.
export interface Customer {
  id: string;
  displayName: string;
  phone: string;
}

export function callerNumber(req: { body: { From: string } }): string {
  return req.body.From;
}
