import ts from 'typescript';
import type { DialSinkModel } from '../../../rules/types.js';
import { chainText, skipTransparent } from '../access-path.js';
import type { EngineContext } from '../context.js';
import { ConsentAnalysis } from './consent.js';
import { calleeText, objectLiteralOf, propertyValue, staticText } from './flow-sinks.js';
import type { RawFinding } from './raw.js';

const VERB: Readonly<Record<DialSinkModel['channel'], string>> = { call: 'places a call to', sms: 'sends an SMS to', message: 'sends a message to' };

/** Outbound calls and messages: the destination must be consent-checked on every path. */
export class DialCheck {
  readonly findings: RawFinding[] = [];

  constructor(
    private readonly ctx: EngineContext,
    private readonly consent: ConsentAnalysis,
  ) {}

  check(sink: ts.CallExpression | ts.NewExpression, model: DialSinkModel): void {
    if (model.commandPattern && !this.commandMatches(sink, model.commandPattern)) return;
    const destination = this.destination(sink, model);
    if (destination === null) return; // not a call to a number (e.g. SNS publish to a topic)
    if (destination && isInternalNumber(destination)) return;
    if (this.consent.isGuarded(sink, destination)) return;
    const sinkText = calleeText(sink);
    const target = destination ? describeDestination(destination) : 'a number';
    this.findings.push({
      ruleId: 'require-consent-check',
      node: sink,
      sinkText,
      summary: `${sinkText} ${VERB[model.channel]} ${target} with no consent or do-not-call check on every path before it`,
      kind: 'phone',
      destination,
    });
  }

  private commandMatches(sink: ts.CallExpression | ts.NewExpression, command: NonNullable<DialSinkModel['commandPattern']>): boolean {
    const arg = sink.arguments?.[command.arg];
    if (!arg) return false;
    let value: ts.Expression | undefined = arg;
    if (command.property) {
      const object = objectLiteralOf(arg, this.ctx);
      value = object ? findPropertyCaseInsensitive(object, command.property) : undefined;
    }
    const text = value ? staticText(value, this.ctx) : undefined;
    return text !== undefined && new RegExp(command.pattern, 'i').test(text);
  }

  /** The dialled number; undefined when it can't be seen; null when the call has no number at all. */
  private destination(sink: ts.CallExpression | ts.NewExpression, model: DialSinkModel): ts.Expression | undefined | null {
    const args = sink.arguments ?? [];
    let opaque = false;
    for (const selector of model.destination) {
      const arg = args[selector.arg];
      if (!arg) continue;
      if (!selector.property) return numberOf(arg, this.ctx);
      const object = objectLiteralOf(arg, this.ctx);
      if (!object) {
        opaque = true;
        continue;
      }
      let value: ts.Expression | undefined = object;
      for (const name of selector.property) {
        const current: ts.ObjectLiteralExpression | undefined = value ? objectLiteralOf(value, this.ctx) : undefined;
        value = current ? findPropertyCaseInsensitive(current, [name]) : undefined;
      }
      if (value) return numberOf(value, this.ctx);
    }
    return opaque ? undefined : null;
  }
}

/** jambonz `{ type: 'phone', number }`, Vonage `[{ type: 'phone', number }]`: the number inside. */
function numberOf(expr: ts.Expression, ctx: EngineContext): ts.Expression {
  const e = skipTransparent(expr);
  const inner = ts.isArrayLiteralExpression(e) && e.elements.length === 1 ? skipTransparent(e.elements[0]!) : e;
  const object = ts.isObjectLiteralExpression(inner) ? inner : undefined;
  if (object) return propertyValue(object, 'number') ?? propertyValue(object, 'phoneNumber') ?? inner;
  void ctx;
  return inner;
}

function findPropertyCaseInsensitive(object: ts.ObjectLiteralExpression, names: readonly string[]): ts.Expression | undefined {
  for (const name of names) {
    const exact = propertyValue(object, name);
    if (exact) return exact;
    for (const p of object.properties) {
      if (ts.isPropertyAssignment(p) && p.name.getText().replace(/['"]/g, '').toLowerCase() === name.toLowerCase()) return p.initializer;
    }
  }
  return undefined;
}

/** Literals and `process.env.ONCALL_NUMBER`: the team's own numbers, not people being contacted. */
function isInternalNumber(destination: ts.Expression): boolean {
  const e = skipTransparent(destination);
  if (ts.isStringLiteralLike(e)) return true;
  const text = chainText(e);
  return text !== undefined && /^(process\.env|config|env|settings)\./.test(text) && /^[A-Z0-9_.a-z]+$/.test(text) && /(ONCALL|ON_CALL|SUPPORT|ADMIN|OPS|ALERT|oncall|support|admin|ops|alert)/.test(text);
}

function describeDestination(destination: ts.Expression): string {
  const text = destination.getText().replace(/\s+/g, ' ');
  return `\`${text.length > 40 ? `${text.slice(0, 37)}…` : text}\``;
}
