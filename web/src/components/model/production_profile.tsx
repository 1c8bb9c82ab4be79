// A product's production: a figure for each year (the yearly table), or a
// profile — ramp-up, plateau and decline from a few numbers — whose years the
// server fills (docs/fiscal-methodology.md, "Production profiles") and the
// yearly table shows.
import { useContext, useRef } from 'preact/hooks';
import { t } from '../../i18n';
import { getAt } from '../../model_form';
import { Editor, NumberInput, SelectInput, fieldId } from './editor_fields';

export function ProductionMode({ path, firstYear, years, filled, unit }: { path: string; firstYear: number; years: number; filled?: number[]; unit: string }) {
  const e = useContext(Editor);
  const value = getAt(e.model, path);
  const profile = !Array.isArray(value) && value !== undefined;
  // The figures entered year by year before a profile was tried: back to
  // them if the profile never filled the years.
  const before = useRef<number[] | null>(null);
  return (
    <>
      <div class="row">
        <div class="field">
          <label for={fieldId(`${path}-mode`)}>{t('editor.productionMode')}</label>
          <select id={fieldId(`${path}-mode`)} value={profile ? 'profile' : 'yearly'}
            onChange={(ev) => {
              const choice = (ev.currentTarget as HTMLSelectElement).value;
              // What was typed in the fields that go away would block saving unseen.
              e.clearDrafts(path);
              if (choice === 'yearly') {
                // The profile's years (without the float noise of the
                // decline's powers) become the figures to change; else the
                // figures from before the profile, else zeros.
                const kept = before.current?.length === years ? before.current : Array.from({ length: years }, () => 0);
                e.set(path, filled?.length === years ? filled.map((v) => Number(v.toPrecision(12))) : kept);
              } else {
                before.current = Array.isArray(value) ? (value as number[]) : null;
                e.set(path, { start_year: firstYear, rate_per: 'year' });
              }
            }}>
            <option value="yearly">{t('editor.productionYearly')}</option>
            <option value="profile">{t('editor.productionProfile')}</option>
          </select>
        </div>
      </div>
      {profile && (
        <div class="row">
          <NumberInput path={`${path}.start_year`} label={t('editor.profileStart')} />
          <NumberInput path={`${path}.ramp_up_years`} label={t('editor.profileRampUp')} />
          <NumberInput path={`${path}.peak_rate`} label={t('editor.profilePeak', { unit })} />
          <SelectInput path={`${path}.rate_per`} label={t('editor.profileRatePer')} options={[['year', t('editor.perYear')], ['day', t('editor.perDay')]]} fallback="year" />
          <NumberInput path={`${path}.reserves`} label={t('editor.profileReserves', { unit })} />
          <NumberInput path={`${path}.plateau_years`} label={t('editor.profilePlateau')} hint={t('editor.profilePlateauHint')} />
          <NumberInput path={`${path}.decline`} label={t('editor.profileDecline')} percent />
          <NumberInput path={`${path}.hyperbolic_exponent`} label={t('editor.profileHyperbolic')} />
        </div>
      )}
    </>
  );
}
