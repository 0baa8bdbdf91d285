/**
 * The form rendered to static markup (no DOM needed): every node type and every example node renders, inputs carry
 * their JSON Pointers, viewers get nothing enabled, and user text stays text.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import schemaJson from '../generated/flow.schema.json';
import type { NodeType, Settings } from '../model/flow';
import type { FormContext } from './context';
import type { JsonSchema } from './jsonSchema';
import { nodeTypesOf } from './mapping';
import { NodeSettingsForm } from './NodeSettingsForm';
import { exampleNodes } from './testing/examples';

const root = schemaJson as unknown as JsonSchema;

function context(overrides: Partial<FormContext> = {}): FormContext {
  return {
    root,
    readOnly: false,
    languages: ['en-US', 'fr-FR'],
    variables: ['account', 'attempts'],
    nodes: [
      { id: 'sales', label: 'Sales queue', type: 'queue' },
      { id: 'bye', type: 'hangup' },
    ],
    flows: ['billing'],
    symbols: { queue: { declared: true, names: ['sales'] } },
    exits: { sales: 'sales' },
    onWire: () => undefined,
    previewCalendar: () => Promise.reject(new Error('not in tests')),
    ...overrides,
  };
}

const render = (type: string, settings: Settings, ctx = context()): string =>
  renderToStaticMarkup(<NodeSettingsForm type={type as NodeType} settings={settings} onChange={() => undefined} ctx={ctx} />);

describe('NodeSettingsForm', () => {
  it.each(nodeTypesOf(root))('shouldRenderEmptySettingsOf %s', (type) => {
    // given a node just dropped, with empty settings
    // when its form renders
    const html = render(type, {});
    // then it has controls
    expect(html).toMatch(/<(input|select|textarea|button)/);
  });

  it.each(exampleNodes().map((n) => [`${n.file} ${n.id}`, n] as const))('shouldRenderTheExampleNode %s', (_name, node) => {
    // given a node of an example flow
    const html = render(node.type, node.settings);
    // then every top-level setting it has is an input at its pointer (or a group holding some)
    for (const key of Object.keys(node.settings)) expect(html, key).toContain(`="/${key}`);
  });

  it('shouldPutJsonPointersOnTheMenuOptionInputs', () => {
    // given a menu with two options
    const html = render('menu', {
      prompt: { 'en-US': { tts: 'Press 1' } },
      options: [
        { exit: 'sales', digits: '1', phrases: ['sales'] },
        { exit: 'support', digits: '2' },
      ],
    });
    // then keys, exits and phrases are found by pointer, and the exit's target is its wiring
    expect(html).toContain('data-field="/options/0/digits"');
    expect(html).toContain('data-field="/options/1/exit"');
    expect(html).toContain('data-field="/options/0/phrases/0"');
    expect(html).toContain('data-field="/prompt/en-US/tts"');
    expect(html).toMatch(/data-exit="sales"[^>]*>.*<option value="sales" selected="">Sales queue \(sales\)<\/option>/s);
  });

  it('shouldDisableEveryControlForAViewer', () => {
    // given a viewer
    const ctx = context({ readOnly: true });
    for (const node of exampleNodes()) {
      // when any example node's form renders
      const html = render(node.type, node.settings, ctx);
      // then every control is disabled, except the language tabs, which only show another language's version
      const controls = (html.match(/<(input|select|textarea|button)\b[^>]*>/g) ?? []).filter((c) => !c.includes('role="tab"'));
      expect(controls.length).toBeGreaterThan(0);
      for (const c of controls) expect(c, `${node.id}: ${c}`).toMatch(/\sdisabled=""/);
    }
  });

  it('shouldNeverTurnUserTextIntoHtml', () => {
    // given text that looks like markup
    const evil = '<img src=x onerror=alert(1)>';
    const html = render('menu', { prompt: { 'en-US': { tts: evil } }, options: [{ exit: 'a', digits: '1', label: evil, phrases: [evil] }] });
    // then it is escaped wherever it shows
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('shouldRenderTheCalendarEditorAndItsPreview', () => {
    // given the main line's calendar
    const node = exampleNodes().find((n) => n.type === 'calendar');
    if (!node) throw new Error('no calendar example');
    const html = render('calendar', node.settings);
    // then the weekly grid, exceptions and preview are there
    expect(html).toContain('data-field="/calendar/weekly/mon/0"');
    expect(html).toContain('data-field="/calendar/exceptions/0/date"');
    expect(html).toContain('data-field="/calendar/holidays/country"');
    expect(html).toContain('data-preview="check"');
  });

  it('shouldSayWhenTheSchemaHasNoSettingsForAType', () => {
    expect(render('teleport', {})).toContain('The schema has no settings for the type &quot;teleport&quot;.');
  });
});

describe('NodeSettingsForm with server issues', () => {
  it('shouldShowAServerIssueAtItsField', () => {
    // given the server's issue at the second option's keys
    const html = renderToStaticMarkup(
      <NodeSettingsForm
        type="menu"
        settings={{ prompt: { '*': { tts: 'Hi' } }, options: [{ exit: 'a', digits: '1' }, { exit: 'b', digits: '2' }] }}
        onChange={() => undefined}
        ctx={context()}
        hints={{ '/options/1/digits': [{ message: 'Server says no.', level: 'error' }] }}
      />,
    );
    // then it shows in that field, after its input
    expect(html).toMatch(/data-field="\/options\/1\/digits".*Server says no\./s);
    expect(html).not.toMatch(/Server says no\..*data-field="\/options\/1\/digits"/s);
  });
});
