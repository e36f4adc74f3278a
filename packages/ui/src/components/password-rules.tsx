import { useTranslation } from 'react-i18next';

/** The password rule's message keys (SPEC A2), as `passwordIssues` from @kyogikai/domain returns them. */
const RULES = [
  { issue: 'password.tooShort', text: 'passwordRules.minLength' },
  { issue: 'password.needsLetter', text: 'passwordRules.letter' },
  { issue: 'password.needsDigit', text: 'passwordRules.digit' },
] as const;

export interface PasswordRuleChecklistProps {
  id: string;
  /** What the user typed (an empty value marks every rule as not yet met, without alarm). */
  value: string;
  /** The rules it breaks: `passwordIssues(value)`. */
  issues: readonly string[];
  minLength: number;
}

/**
 * The password rule as a checklist that updates while the user types (SPEC A2: shown before
 * submit). Each line says in words whether it is met; the tick and colour only repeat that.
 * Not a live region: announcing every key press would drown the screen reader; the input's
 * description already states the rule, and the list can be read at any time.
 */
export function PasswordRuleChecklist({ id, value, issues, minLength }: PasswordRuleChecklistProps) {
  const { t } = useTranslation();
  return (
    <ul id={id} className="k-rules" aria-label={t('passwordRules.title')}>
      {RULES.map((rule) => {
        const isMet = value.length > 0 && !issues.includes(rule.issue);
        return (
          <li key={rule.issue} className={isMet ? 'k-rules__item k-rules__item--met' : 'k-rules__item'}>
            <span className="k-rules__mark" aria-hidden="true">
              {isMet ? '✓' : '・'}
            </span>
            {t(rule.text, { min: minLength })}
            <span className="k-visually-hidden">{isMet ? t('passwordRules.met') : t('passwordRules.notMet')}</span>
          </li>
        );
      })}
      {issues.includes('password.tooLong') ? (
        <li className="k-rules__item k-rules__item--problem">
          <span className="k-rules__mark" aria-hidden="true">
            ！
          </span>
          {t('passwordRules.tooLong')}
        </li>
      ) : null}
    </ul>
  );
}
