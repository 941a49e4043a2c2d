import type { InstanceBus } from "../sync/instance-bus.js";
import { InProcessFeedEvents, type FeedEvents, type FeedTopic } from "./feed-events.js";

interface CarriedEvent {
  topic: FeedTopic;
  event: never;
}

/**
 * Feed events for the streams open on every instance: delivered here, and carried to the
 * other instances over the instance bus (a no-op for one instance alone).
 */
export class SharedFeedEvents implements FeedEvents {
  private readonly local = new InProcessFeedEvents();

  constructor(private readonly bus: InstanceBus) {
    bus.onLiveEvent((carried) => {
      const { topic, event } = carried as CarriedEvent;
      this.local.publish(topic, event);
    });
  }

  publish: FeedEvents["publish"] = (topic, event) => {
    this.local.publish(topic, event);
    this.bus.publishLiveEvent({ topic, event });
  };

  subscribe: FeedEvents["subscribe"] = (topic, listener) => this.local.subscribe(topic, listener);
}
