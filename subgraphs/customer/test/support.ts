import { createTestRuntime, gqlRequest, routerHeaders, testConfig, unique } from '@travel/platform/testkit';
import type { Clock, Config, ProcessRuntime, Role, Viewer } from '@travel/platform';
import { createCustomerServer, type CustomerServer } from '../src/server.js';
import type { OrganizationRow } from '../src/db/schema.js';
import type { ProvisionPerson } from '../src/organizations/organizations.service.js';

/** A customer server on port 0 and helpers to call it as a given person. */
export class CustomerHarness {
  runtime!: ProcessRuntime;
  server!: CustomerServer;
  url = '';

  constructor(
    readonly config: Config = testConfig(),
    private readonly clock?: Clock,
  ) {}

  async start(): Promise<void> {
    this.runtime = await createTestRuntime(this.config, this.clock);
    this.server = createCustomerServer(this.runtime);
    this.runtime.openBus();
    this.url = await this.server.start(0);
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.runtime.close();
  }

  /** A fresh organization with the given people (ref → roles); returns each person as a viewer. */
  async organization(people: Record<string, Role[]>, extra: Partial<Record<string, Partial<ProvisionPerson>>> = {}, tier: OrganizationRow['tier'] = 'professional') {
    const slug = unique('org');
    const { organization, people: rows } = await this.server.services.organizations.provision({
      name: slug,
      slug,
      tier,
      people: Object.entries(people).map(([ref, roles]) => ({ ref, email: `${ref}-${slug}@example.com`, name: ref, roles, ...extra[ref] })),
    });
    const viewers = Object.fromEntries([...rows].map(([ref, row]) => [ref, { personId: row.id, orgId: row.orgId, roles: row.roles } satisfies Viewer]));
    return { organization, viewers, emailOf: (ref: string) => `${ref}-${slug}@example.com` };
  }

  async as<T>(viewer: Viewer | null, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const res = await gqlRequest<T>(this.url, query, variables, await routerHeaders(this.config, viewer));
    if (res.errors) throw Object.assign(new Error(res.errors[0]!.message), { extensions: res.errors[0]!.extensions });
    return res.data!;
  }
}
