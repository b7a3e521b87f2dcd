import { DomainError, type EventConsumer, type Logger, type PubSub } from '@travel/platform';
import { startWith } from '../availability/availability.service.js';
import type { HotelsRepository } from '../hotels/hotels.repository.js';
import type { PackagesRepository } from '../packages/packages.repository.js';
import { isUuid } from '../validation.js';

/** Says which room type or package changed; subscribers read its availability for the dates they ask. */
export interface ProductChanged {
  id: string;
}

export function roomTypeChannel(roomTypeId: string): string {
  return `inventory.room-type.${roomTypeId}.availability`;
}

export function packageChannel(packageId: string): string {
  return `inventory.package.${packageId}.availability`;
}

/**
 * Live availability of hotel rooms and package places. A change is announced
 * by a consumer of the hold's own event (created, released, expired,
 * converted), which the relay delivers after the change committed; the
 * message names only the room type or package, and each subscriber's
 * selection (nights of a stay, departures in a range) is read when it is
 * resolved, so it always shows committed state. Best effort, like flights.
 */
export class ProductAvailability {
  constructor(
    private readonly pubsub: PubSub,
    private readonly hotels: HotelsRepository,
    private readonly packages: PackagesRepository,
    private readonly logger: Logger,
  ) {}

  /** The room type now, then after every change of its holds. */
  async watchRoomType(roomTypeId: string): Promise<AsyncIterableIterator<ProductChanged>> {
    if (!isUuid(roomTypeId) || (await this.hotels.roomTypesByIds([roomTypeId])).length === 0) throw new DomainError('NOT_FOUND', `Room type ${roomTypeId} not found`, 'roomTypeId');
    return startWith(async () => ({ id: roomTypeId }), this.pubsub.subscribe<ProductChanged>(roomTypeChannel(roomTypeId)));
  }

  /** The package now, then after every change of its holds. */
  async watchPackage(packageId: string): Promise<AsyncIterableIterator<ProductChanged>> {
    if (!isUuid(packageId) || (await this.packages.findByIds([packageId])).length === 0) throw new DomainError('NOT_FOUND', `Package ${packageId} not found`, 'packageId');
    return startWith(async () => ({ id: packageId }), this.pubsub.subscribe<ProductChanged>(packageChannel(packageId)));
  }

  consumer(): EventConsumer {
    const room = async (roomTypeId: string) => this.publish(roomTypeChannel(roomTypeId), roomTypeId);
    const pkg = async (packageId: string) => this.publish(packageChannel(packageId), packageId);
    return {
      from: ['inventory'],
      group: 'inventory-product-availability',
      handlers: {
        'inventory.room_hold.created': (event) => room(event.payload.roomTypeId),
        'inventory.room_hold.released': (event) => room(event.payload.roomTypeId),
        'inventory.room_hold.converted': (event) => room(event.payload.roomTypeId),
        'inventory.package_hold.created': (event) => pkg(event.payload.packageId),
        'inventory.package_hold.released': (event) => pkg(event.payload.packageId),
        'inventory.package_hold.converted': (event) => pkg(event.payload.packageId),
      },
    };
  }

  private async publish(channel: string, id: string): Promise<void> {
    try {
      await this.pubsub.publish(channel, { id } satisfies ProductChanged);
    } catch (error) {
      this.logger.warn({ err: error, channel }, 'could not publish availability');
    }
  }
}
