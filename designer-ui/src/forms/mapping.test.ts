import { describe, expect, it } from 'vitest';
import schemaJson from '../generated/flow.schema.json';
import type { JsonSchema } from './jsonSchema';
import { FIELD_KINDS, fieldsOf, nodeTypesOf, settingsSchemaOf, settingsShapeOf, type FieldDescriptor } from './mapping';

const root = schemaJson as unknown as JsonSchema;

const field = (type: string, key: string): FieldDescriptor => {
  const f = settingsShapeOf(type, root).fields.find((x) => x.key === key);
  if (!f) throw new Error(`no field ${type}.${key}`);
  return f;
};

const sub = (fields: FieldDescriptor[] | undefined, key: string): FieldDescriptor => {
  const f = fields?.find((x) => x.key === key);
  if (!f) throw new Error(`no field ${key}`);
  return f;
};

/** Every descriptor below `fields`, depth first, with its path. */
function walk(fields: FieldDescriptor[], path: string, out: [string, FieldDescriptor][] = []): [string, FieldDescriptor][] {
  for (const f of fields) {
    const p = `${path}/${f.key}`;
    out.push([p, f]);
    if (f.fields) walk(f.fields, p, out);
    if (f.item) walk([f.item], `${p}[]`, out);
    if (f.keyField) walk([f.keyField], `${p}{key}`, out);
    if (f.valueField) walk([f.valueField], `${p}{value}`, out);
  }
  return out;
}

describe('mapping', () => {
  it('shouldKnowAllTwentyThreeNodeTypesWithASettingsSchemaEach', () => {
    // given the flow schema
    // when the node types and their settings schemas are read
    const types = nodeTypesOf(root);
    // then there are 23, each with its own settings definition
    expect(types).toHaveLength(23);
    for (const type of types) {
      const schema = settingsSchemaOf(type, root);
      expect(schema, type).toBeDefined();
      expect(schema).toEqual(root.$defs?.[`${type}Settings`]);
    }
  });

  it('shouldMapEveryPropertyOfEveryNodeTypeToAKnownWidget', () => {
    // given every settings definition
    for (const type of nodeTypesOf(root)) {
      const def = root.$defs?.[`${type}Settings`];
      // when it is mapped
      const fields = fieldsOf(def ?? {}, root);
      // then each of its properties is a field, in schema order, of a kind other than the raw JSON fallback
      expect(fields.map((f) => f.key), type).toEqual(Object.keys(def?.properties ?? {}));
      for (const [path, f] of walk(fields, type)) {
        expect(FIELD_KINDS, path).toContain(f.kind);
        expect(f.kind, path).not.toBe('json');
      }
    }
  });

  it('shouldTakeTitlesAndDescriptionsFromTheSchema', () => {
    // given the menu settings, whose timeout has a title and description in the schema
    // when mapped
    const timeout = field('menu', 'timeoutSeconds');
    // then the form shows the schema's words
    expect(timeout.title).toBe('Timeout');
    expect(timeout.description).toBe('Seconds to wait for a choice after the prompt.');
    // and every top-level field of every type has a title and a description
    for (const type of nodeTypesOf(root)) {
      for (const f of settingsShapeOf(type, root).fields) {
        expect(f.title, `${type}.${f.key}`).not.toBe('');
        expect(f.description, `${type}.${f.key}`).toBeTruthy();
      }
    }
  });

  it('shouldCarryRequiredDefaultsEnumsAndBounds', () => {
    // given fields with each kind of constraint
    // when mapped
    const maxTries = field('menu', 'maxTries');
    const method = field('http', 'method');
    const seconds = field('wait', 'seconds');
    const minConfidence = field('menu', 'minConfidence');
    // then required, default, enum and bounds come through
    expect(field('menu', 'prompt').required).toBe(true);
    expect(maxTries).toMatchObject({ kind: 'integer', required: false, default: 3, min: 1, max: 10 });
    expect(method).toMatchObject({ kind: 'enum', default: 'GET', enum: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] });
    expect(seconds).toMatchObject({ kind: 'number', required: true, min: 0, exclusiveMin: true, max: 300 });
    expect(seconds.exclusiveMax).toBeUndefined();
    expect(minConfidence).toMatchObject({ kind: 'number', min: 0, max: 1, default: 0.5 });
    expect(minConfidence.exclusiveMin).toBeUndefined();
  });

  it('shouldMapTheXWidgetHintsToTheirKinds', () => {
    // given fields with each widget hint
    // then each gets its kind
    expect(field('play', 'prompt').kind).toBe('prompt');
    expect(field('menu', 'options').kind).toBe('menuOptions');
    expect(field('intent', 'intents').kind).toBe('intents');
    expect(field('calendar', 'calendar').kind).toBe('calendar');
    expect(field('http', 'headers').kind).toBe('keyValue');
    expect(field('intent', 'text').kind).toBe('expression');
    expect(field('callerName', 'name').kind).toBe('template');
    expect(field('input', 'variable').kind).toBe('variable');
    expect(field('goto', 'target').kind).toBe('nodeRef');
    expect(field('subflow', 'flow').kind).toBe('flowRef');
    expect(field('say', 'text').kind).toBe('localizedText');
    expect(field('queue', 'queue')).toMatchObject({ kind: 'symbol', symbolKind: 'queue' });
    expect(field('transfer', 'gateway')).toMatchObject({ kind: 'symbol', symbolKind: 'gateway' });
    expect(field('voicemail', 'mailbox')).toMatchObject({ kind: 'symbol', symbolKind: 'mailbox' });
    expect(field('conference', 'profile')).toMatchObject({ kind: 'symbol', symbolKind: 'conferenceProfile' });
    expect(field('menu', 'profile')).toMatchObject({ kind: 'symbol', symbolKind: 'profile' });
    expect(field('calendar', 'ref')).toMatchObject({ kind: 'symbol', symbolKind: 'calendar' });
  });

  it('shouldMapNestedMenuOptionFields', () => {
    // given the menu's options
    const options = field('menu', 'options');
    // when mapped
    const keys = options.itemFields?.map((f) => f.key);
    // then each option's fields are described, the exit as an exit name with its reserved words
    expect(options).toMatchObject({ minItems: 1, maxItems: 20 });
    expect(keys).toEqual(['exit', 'digits', 'phrases', 'label']);
    expect(sub(options.itemFields, 'exit')).toMatchObject({
      kind: 'exitName',
      required: true,
      title: 'Exit',
      forbidden: ['timeout', 'invalid', 'failure', 'error'],
      pattern: '^[A-Za-z_][A-Za-z0-9_]{0,63}$',
    });
    expect(sub(options.itemFields, 'digits')).toMatchObject({ kind: 'text', pattern: '^[0-9*#]{1,10}$', expected: 'one to ten of the keys 0-9, * and #' });
    expect(sub(options.itemFields, 'phrases')).toMatchObject({ kind: 'stringList', uniqueItems: true, maxItems: 50 });
    expect(sub(options.itemFields, 'phrases').item).toMatchObject({ kind: 'text', minLength: 1, maxLength: 200 });
  });

  it('shouldMapIntentsWithNameSpokenLabelDescriptionAndExamples', () => {
    // given the intent node's intents
    const intents = field('intent', 'intents');
    // then name is an exit, the spoken label a line of text, the description long text, and examples a list
    expect(intents.itemFields?.map((f) => [f.key, f.kind])).toEqual([
      ['name', 'exitName'],
      ['label', 'text'],
      ['description', 'multiline'],
      ['examples', 'stringList'],
    ]);
    expect(sub(intents.itemFields, 'name').forbidden).toEqual(['fallback', 'error']);
  });

  it('shouldMergeTheSiblingsOfARefIntoItsTarget', () => {
    // given the http url: a template ($ref) refined with its own pattern and minLength
    const url = field('http', 'url');
    // then the field has the template kind, the url's own title and the refinements, and the template's maxLength
    expect(url).toMatchObject({ kind: 'template', title: 'URL', minLength: 1, maxLength: 8000, pattern: '^(https?://|\\{\\{)' });
    expect(url.multiline).toBe(false);
    // and the tighter of two bounds wins (transfer's to: template max 8000, its own 500)
    expect(field('transfer', 'to').maxLength).toBe(500);
  });

  it('shouldDescribeThePromptAsAMapOfLanguagesToOneOfFourKindsOfVersion', () => {
    // given a prompt
    const prompt = field('menu', 'prompt');
    // then its key is a language tag and its value a version with exactly one of file, tts, tone or ref
    expect(prompt.keyField?.expected).toBe('a BCP 47 language tag such as en-US, or * for every language');
    const version = prompt.valueField;
    expect(version?.kind).toBe('object');
    expect(version?.fields?.map((f) => [f.key, f.kind])).toEqual([
      ['file', 'template'],
      ['tts', 'template'],
      ['tone', 'multiline'],
      ['ref', 'symbol'],
      ['voice', 'text'],
    ]);
    expect(version?.choice).toEqual({ branches: [['file'], ['tts'], ['tone'], ['ref']], optional: false });
    // and the voice only goes with TTS text
    expect(sub(version?.fields, 'voice').requires).toEqual(['tts']);
    expect(sub(version?.fields, 'ref').symbolKind).toBe('prompt');
  });

  it('shouldDescribeTheCalendarChoiceAndItsParts', () => {
    // given the calendar node
    const shape = settingsShapeOf('calendar', root);
    // then it is either a calendar written here or a shared one
    expect(shape.choice).toEqual({ branches: [['calendar'], ['ref']], optional: false });
    const calendar = sub(shape.fields, 'calendar');
    expect(calendar.fields?.map((f) => [f.key, f.kind])).toEqual([
      ['timeZone', 'text'],
      ['weekly', 'object'],
      ['exceptions', 'array'],
      ['holidays', 'object'],
      ['ranges', 'array'],
    ]);
    expect(sub(calendar.fields, 'timeZone')).toMatchObject({ required: true, examples: ['Europe/Paris', 'America/New_York'] });
    expect(sub(calendar.fields, 'weekly').fields?.map((f) => f.title)).toEqual(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
    // and an exception is one date or a span from and to
    expect(sub(calendar.fields, 'exceptions').item?.choice).toEqual({ branches: [['date'], ['from', 'to']], optional: false });
    expect(sub(sub(calendar.fields, 'holidays').fields, 'region').nullable).toBe(true);
    expect(sub(sub(calendar.fields, 'ranges').itemFields, 'name').forbidden).toEqual(['open', 'closed', 'holiday', 'error']);
  });

  it('shouldMakeTheGotoTargetRequiredUnlessItReturnsToItsParent', () => {
    // given the goto node, whose target is required only when it does not return to its parent
    const target = field('goto', 'target');
    // then the condition is carried
    expect(target.required).toBe(false);
    expect(target.requiredUnless).toEqual({ key: 'returnToParent', equals: true });
  });

  it('shouldMapTheAskGrammarAsAtMostOneOfItsProperties', () => {
    // given the ask grammar: maxProperties 1 over builtin, uri and phrases
    const grammar = field('ask', 'grammar');
    // then it is an object with an optional choice, and its default is carried
    expect(grammar.kind).toBe('object');
    expect(grammar.choice).toEqual({ branches: [['builtin'], ['uri'], ['phrases']], optional: true });
    expect(grammar.default).toEqual({ builtin: 'transcribe' });
  });

  it('shouldMapKeyValueMapsWithTheirKeyAndValueFields', () => {
    // given the subflow's inputs and the http answer map
    const inputs = field('subflow', 'inputs');
    const map = field('http', 'map');
    // then keys are variable names and values expressions or JSON Pointers
    expect(inputs.keyField?.kind).toBe('variable');
    expect(inputs.valueField?.kind).toBe('expression');
    expect(inputs.maxProperties).toBe(100);
    expect(map.valueField).toMatchObject({ kind: 'text', expected: 'a JSON Pointer such as /customer/name' });
    // and a header name without a title of its own is called Name
    expect(field('http', 'headers').keyField).toMatchObject({ title: 'Name', expected: 'an HTTP header name such as Authorization' });
  });

  it('shouldGiveTriStateBooleansNoDefault', () => {
    // given the menu's speech switch, which has no default, and barge-in, which has one
    // then the first has no default and the second carries it
    expect(field('menu', 'speech')).toMatchObject({ kind: 'boolean' });
    expect(field('menu', 'speech').default).toBeUndefined();
    expect(field('menu', 'bargeIn').default).toBe(true);
  });

  it('shouldReturnNoSchemaForAnUnknownType', () => {
    // given a type the schema does not know
    // then there is no settings schema and no field
    expect(settingsSchemaOf('teleport', root)).toBeUndefined();
    expect(settingsShapeOf('teleport', root).fields).toEqual([]);
  });

  it('shouldFallBackToRawJsonOnlyForSchemasWithoutTypeOrWidget', () => {
    // given an object schema with an untyped property
    const schema: JsonSchema = { type: 'object', properties: { anything: { title: 'Anything' }, n: { type: 'integer' } } };
    // when mapped
    const fields = fieldsOf(schema, root);
    // then the untyped one is edited as JSON and the untitled one gets a title from its key
    expect(fields.map((f) => [f.key, f.kind, f.title])).toEqual([
      ['anything', 'json', 'Anything'],
      ['n', 'integer', 'N'],
    ]);
  });
});
