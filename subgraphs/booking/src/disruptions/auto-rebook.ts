import type { DomainEvent, Executor, WorkScope } from '@travel/platform';
import { eq, lte } from 'drizzle-orm';
import { organizationSettings } from '../db/schema.js';

/** Whether an organization wants its disrupted bookings rebooked without asking (customer's `Organization.settings.autoRebook`). */
export interface AutoRebookSetting {
  enabled(orgId: string, db?: Executor): Promise<boolean>;
}

/**
 * The setting as booking's own projection of customer's settings events, so
 * the disruption handler reads it inside its transaction (asking customer
 * there could wait on a connection the transaction holds, in embedded mode).
 * An organization customer never announced has it off.
 */
export class ProjectedAutoRebookSetting implements AutoRebookSetting {
  constructor(private readonly db: Executor) {}

  async enabled(orgId: string, db: Executor = this.db): Promise<boolean> {
    const [row] = await db.select({ autoRebook: organizationSettings.autoRebook }).from(organizationSettings).where(eq(organizationSettings.orgId, orgId));
    return row?.autoRebook ?? false;
  }

  /** Keeps the latest settings: an older event delivered late (a retry) does not overwrite a newer one. */
  async onSettingsChanged(event: DomainEvent<'customer.organization.settings_changed'>, { tx }: WorkScope): Promise<void> {
    if (!event.orgId) return;
    const values = { autoRebook: event.payload.autoRebook, updatedAt: new Date(event.occurredAt) };
    await tx
      .insert(organizationSettings)
      .values({ orgId: event.orgId, ...values })
      .onConflictDoUpdate({ target: organizationSettings.orgId, set: values, setWhere: lte(organizationSettings.updatedAt, values.updatedAt) });
  }
}
