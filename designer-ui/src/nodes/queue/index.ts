/**
 * queue: wait in a call-center queue. Exits (QueueSettings.exits()): the fixed answered, timeout, noAgents and full,
 * then abandoned when an exit key is set (optional, otherwise timeout) and callback when a callback is offered
 * (required), then the fixed error.
 */
import type { Queue } from '../../generated/flow';
import { beforeError, exit, fixedExits, settle } from '../common/exits';
import { bool, filled, loose, num, settingsOf, text } from '../common/read';
import { clip, duration, lines } from '../common/text';
import type { ExitInfo, NodeDefinition } from '../types';

export const queue: NodeDefinition = {
  type: 'queue',
  glyph: '☷',
  exits(settings, fixed) {
    const s = loose<Queue>(settings);
    const added: ExitInfo[] = [];
    if (text(s.exitDigit) !== undefined) added.push(exit('abandoned', false, 'timeout'));
    if (bool(s.offerCallback) === true) added.push(exit('callback', true));
    return settle(beforeError(fixedExits(fixed), added));
  },
  summary(settings) {
    const s = loose<Queue>(settings);
    const name = filled(s.queue);
    const keys = [
      bool(s.offerCallback) === true && `callback ${filled(s.callbackDigit) ?? '1'}`,
      filled(s.exitDigit) !== undefined && `leave ${filled(s.exitDigit) ?? ''}`,
    ].filter((k) => k !== false);
    return lines(
      name === undefined ? 'no queue' : clip('queue ' + name),
      // Without a maximum the caller waits 300 seconds (QueueSettings.maxWaitOrDefault()).
      `wait up to ${duration(num(s.maxWaitSeconds) ?? 300)}`,
      keys.join(' · '),
    );
  },
  initialSettings: () => settingsOf<Queue>({ queue: 'support', maxWaitSeconds: 300 }),
};
