import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export interface BarChartItem {
  label: string;
  value: number;
}

/**
 * A horizontal bar chart in plain HTML and CSS: the bars are drawn for sighted users, and every
 * bar's label and value are text, so screen readers read them as a list; the chart is described
 * in words, and a table of the same figures follows in a disclosure (WCAG 1.1.1, 1.4.1).
 */
export function BarChart({
  items,
  description,
  labelHeading,
}: {
  items: readonly BarChartItem[];
  description: string;
  labelHeading: string;
}) {
  const { t, i18n } = useTranslation();
  const descriptionId = useId();
  const max = Math.max(1, ...items.map((item) => item.value));
  const number = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'ja-JP');
  return (
    <figure className="k-chart">
      <figcaption id={descriptionId} className="k-hint">
        {description}
      </figcaption>
      <ul className="k-bars" aria-describedby={descriptionId}>
        {items.map((item) => (
          <li key={item.label}>
            <span>{item.label}</span>
            <span className="k-bars__track" aria-hidden="true">
              <span className="k-bars__bar" style={{ width: `${(item.value / max) * 100}%` }} />
            </span>
            <span className="k-bars__value">{number.format(item.value)}</span>
          </li>
        ))}
      </ul>
      <details>
        <summary>{t('stats.showTable')}</summary>
        <table className="k-admin-table">
          <thead>
            <tr>
              <th scope="col">{labelHeading}</th>
              <th scope="col">{t('stats.count')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.label}>
                <th scope="row">{item.label}</th>
                <td>{number.format(item.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
