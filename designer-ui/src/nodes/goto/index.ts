/** goto: jump to a node of this flow, or return from a subflow. No exits (GotoSettings.exits() is empty). */
import type { GoTo } from '../../generated/flow';
import { fixedExits, settle } from '../common/exits';
import { bool, filled, loose, settingsOf } from '../common/read';
import { clip } from '../common/text';
import type { NodeDefinition } from '../types';

export const goto: NodeDefinition = {
  type: 'goto',
  glyph: '↪',
  exits: (_settings, fixed) => settle(fixedExits(fixed)),
  summary(settings) {
    const s = loose<GoTo>(settings);
    if (bool(s.returnToParent) === true) return ['return to the calling flow'];
    const target = filled(s.target);
    return [target === undefined ? 'no target' : clip('→ ' + target)];
  },
  // The schema wants a target unless the node returns, and a new node has no target yet: returning is the one
  // valid choice that names no node. Choosing a target in the form turns it into a jump.
  initialSettings: () => settingsOf<GoTo>({ returnToParent: true }),
};
