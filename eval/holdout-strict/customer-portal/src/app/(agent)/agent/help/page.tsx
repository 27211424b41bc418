import { DUTY_MANAGER_MOBILE } from '@/lib/support';

export const metadata = { title: 'Agent handbook — escalations' };

const ESCALATION_STEPS = [
  'Put the customer on hold and tell them you are fetching a supervisor.',
  'Page the supervisor queue from the softphone (Transfer → Supervisors).',
  'If nobody picks up within two minutes, call the duty manager.',
];

export default function EscalationHelp() {
  return (
    <article className="handbook">
      <h1>Escalations</h1>
      <ol>
        {ESCALATION_STEPS.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <p>
        Duty manager (rota phone): <code>{DUTY_MANAGER_MOBILE}</code>
      </p>
      <p>
        Out of hours, text the facilities lead on 07824 124760 {/* // expect: no-hardcoded-pii */}
      </p>
      <p>
        For training calls use the practice line <code>+1 202 555 0188</code>. {/* // safe: no-hardcoded-pii — NANP 555-0188 fictional */}
      </p>
    </article>
  );
}
