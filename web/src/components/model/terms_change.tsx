// When a term sheet's terms change in a year (a new law, a migration): to
// which other sheet's terms, and what the earlier terms' unrecovered cost and
// tax losses become (docs/fiscal-model-format.md, "change").
import { useContext } from 'preact/hooks';
import { t } from '../../i18n';
import type { MessageKey } from '../../messages/en';
import { getAt } from '../../model_form';
import { Editor, NumberInput, SelectInput } from './editor_fields';

const options = (group: string, values: string[]): [string, string][] => values.map((v) => [v, t(`${group}.${v}` as MessageKey)]);

export function TermsChange({ path, others }: { path: string; others: string[] }) {
  const e = useContext(Editor);
  const change = getAt(e.model, path);
  return (
    <fieldset class="terms-change">
      <legend>{t('change.title')}</legend>
      {change === undefined
        ? (others.length === 0
            ? <p class="muted">{t('change.none')}</p>
            : <button type="button" class="secondary" onClick={() => e.set(path, { to: others[0] })}>{t('change.add')}</button>)
        : (
          <>
            <div class="row">
              <NumberInput path={`${path}.year`} label={t('change.year')} />
              <SelectInput path={`${path}.to`} label={t('change.to')} options={others.map((n) => [n, n])} blank="" />
              <SelectInput path={`${path}.unrecovered_cost`} label={t('change.unrecovered')} options={options('unrecovered', ['recoverable', 'deductible', 'lost'])} blank={t('change.unrecoveredDefault')} />
              <SelectInput path={`${path}.losses`} label={t('change.losses')} options={options('lossesCarried', ['kept', 'lost'])} fallback="kept" />
            </div>
            <button type="button" class="link" onClick={() => e.set(path, undefined)}>{t('change.remove')}</button>
          </>
        )}
    </fieldset>
  );
}
