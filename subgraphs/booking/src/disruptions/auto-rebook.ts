/**
 * Whether an organization wants its disrupted bookings rebooked without
 * asking (customer's `Organization.settings.autoRebook`). That setting does
 * not exist in this branch yet, so the default answers no; once customer
 * has it, an implementation reading it through the entity client (on behalf
 * of the organization) replaces `autoRebookOff` in server.ts.
 */
export interface AutoRebookSetting {
  enabled(orgId: string): Promise<boolean>;
}

export const autoRebookOff: AutoRebookSetting = { enabled: async () => false };
