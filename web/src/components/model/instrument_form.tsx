// The form of one instrument of a term sheet, by its type (the fields of
// docs/fiscal-model-format.md "Instruments"). A field the form does not
// show is kept as the file has it.
import { useContext, useState } from 'preact/hooks';
import { lists } from '../../codelists';
import type { Instrument } from '../../fiscal';
import { t } from '../../i18n';
import type { MessageKey } from '../../messages/en';
import { getAt, productsOf, projectPaths } from '../../model_form';
import { CheckInput, Editor, NumberInput, RowsInput, SelectInput, TextInput, fieldId } from './editor_fields';

const label = (key: string) => t(`field.${key}` as MessageKey);
const options = (group: string, values: string[]): [string, string][] => values.map((v) => [v, t(`${group}.${v}` as MessageKey)]);

function Products({ path, allLabel, onChoose }: { path: string; allLabel?: string; onChoose?: (product: string) => void }) {
  const e = useContext(Editor);
  const products = productsOf(e.model).map((p) => p.name ?? '').filter(Boolean);
  return <SelectInput path={path} label={label('product')} options={products.map((p) => [p, p])} blank={allLabel ?? ''} onChoose={onChoose} />;
}

// A rate: one number, or tiers on a driver (a sliding scale). A schedule by
// year, which the forms do not edit, is kept and said so.
function RateInput({ path, name, percent = true }: { path: string; name: string; percent?: boolean }) {
  const e = useContext(Editor);
  const v = getAt(e.model, path);
  const kind = v && typeof v === 'object' ? ('schedule' in (v as object) ? 'schedule' : 'tiers') : 'fixed';
  return (
    <div class="rate">
      <div class="field">
        <label for={`${path}-kind`}>{name}</label>
        <select id={`${path}-kind`} value={kind} onChange={(ev) => {
          const to = (ev.currentTarget as HTMLSelectElement).value;
          e.set(path, to === 'tiers' ? { driver: 'price', mode: 'stepped', tiers: [{ from: 0 }] } : undefined);
        }}>
          <option value="fixed">{t('rate.fixed')}</option>
          <option value="tiers">{t('rate.tiers')}</option>
          {kind === 'schedule' && <option value="schedule">{t('rate.schedule')}</option>}
        </select>
      </div>
      {kind === 'fixed' && <NumberInput path={path} label={name} percent={percent} />}
      {kind === 'tiers' && (
        <div class="row">
          <SelectInput path={`${path}.driver`} label={label('driver')} options={options('driver', ['price', 'daily_production', 'cumulative_production', 'r_factor', 'investor_irr', 'profitability'])} />
          {['price', 'daily_production', 'cumulative_production'].includes(String(getAt(e.model, `${path}.driver`))) && <Products path={`${path}.product`} allLabel={t('field.firstProduct')} />}
          <SelectInput path={`${path}.mode`} label={label('mode')} options={options('tierMode', ['stepped', 'incremental'])} fallback="stepped" />
          <RowsInput path={`${path}.tiers`} label={t('field.tiers')} addLabel={t('editor.addTier')} removeLabel={t('editor.remove')}
            columns={[{ key: 'from', label: t('field.from'), kind: 'number' }, { key: 'to', label: t('field.to'), kind: 'number' }, { key: 'rate', label: name, kind: percent ? 'percent' : 'number' }]} />
        </div>
      )}
      {kind === 'schedule' && <p class="muted">{t('rate.scheduleKept')}</p>}
    </div>
  );
}

// Depreciation: one method for every class of capital cost, or one per class.
function Depreciation({ path }: { path: string }) {
  const e = useContext(Editor);
  const v = getAt(e.model, path) as Record<string, unknown> | undefined;
  const byClass = !!v && !('method' in v);
  const classes = byClass ? ['exploration', 'development', 'sustaining'].map((c) => `${path}.${c}`) : [path];
  return (
    <fieldset class="rows">
      <legend>{label('depreciation')}</legend>
      <CheckInputLocal checked={byClass} label={t('field.byClass')} onChange={(on) => e.set(path, on ? { exploration: v ?? { method: 'straight_line', years: 5 }, development: v ?? { method: 'straight_line', years: 5 }, sustaining: v ?? { method: 'straight_line', years: 5 } } : (v?.development ?? undefined))} />
      {classes.map((at) => {
        const method = String(getAt(e.model, `${at}.method`) ?? '');
        return (
          <div class="row" key={at}>
            <MethodInput path={at} label={byClass ? t(`class.${at.split('.').pop()}` as MessageKey) : label('method')} />
            {method === 'straight_line' && <NumberInput path={`${at}.years`} label={label('years')} />}
            {method === 'declining_balance' && <NumberInput path={`${at}.rate`} label={label('rate')} percent />}
            {method === 'units_of_production' && <Products path={`${at}.product`} />}
          </div>
        );
      })}
    </fieldset>
  );
}

// A depreciation method: changing it starts the method's object afresh, so
// the years of a straight line do not linger on an immediate write-off.
function MethodInput({ path, label: text }: { path: string; label: string }) {
  const e = useContext(Editor);
  const method = String(getAt(e.model, `${path}.method`) ?? '');
  return (
    <div class="field">
      <label for={fieldId(`${path}.method`)}>{text}</label>
      <select id={fieldId(`${path}.method`)} value={method} onChange={(ev) => {
        const to = (ev.currentTarget as HTMLSelectElement).value;
        e.set(path, to ? { method: to } : undefined);
      }}>
        <option value="">{t('field.defaultDepreciation')}</option>
        {options('method', ['straight_line', 'declining_balance', 'units_of_production', 'immediate']).map(([value, name]) => <option key={value} value={value}>{name}</option>)}
      </select>
      {e.errors[`${path}.method`] && <span class="field-error">{e.errors[`${path}.method`]}</span>}
    </div>
  );
}

function CheckInputLocal({ checked, label: text, onChange }: { checked: boolean; label: string; onChange: (on: boolean) => void }) {
  return <label class="check"><input type="checkbox" checked={checked} onChange={(ev) => onChange((ev.currentTarget as HTMLInputElement).checked)} /> {text}</label>;
}

// Losses: carried forward without limit (the default), not at all, for some years, or capped.
function Losses({ path }: { path: string }) {
  const e = useContext(Editor);
  const v = getAt(e.model, path);
  const kind = v === 'none' ? 'none' : String((v as Record<string, unknown> | undefined)?.carry_forward ?? 'unlimited');
  return (
    <div class="row">
      <div class="field">
        <label for={`${path}-kind`}>{label('losses')}</label>
        <select id={`${path}-kind`} value={kind} onChange={(ev) => {
          const to = (ev.currentTarget as HTMLSelectElement).value;
          e.set(path, to === 'none' ? 'none' : { carry_forward: to });
        }}>
          {options('losses', ['unlimited', 'none', 'limited_years', 'capped_share']).map(([value, text]) => <option key={value} value={value}>{text}</option>)}
        </select>
      </div>
      {kind === 'limited_years' && <NumberInput path={`${path}.years`} label={label('years')} />}
      {kind === 'capped_share' && <NumberInput path={`${path}.cap`} label={label('cap')} percent />}
    </div>
  );
}

// "USD/t": money of the model per unit of the product named.
function unitOf(model: unknown, product: unknown): string {
  const products = productsOf(model);
  const unit = products.find((p) => p.name === product)?.unit ?? '';
  return `${String(getAt(model, 'currency') ?? 'USD')}/${unit}`;
}

// Several projects of one taxpayer: whether this instrument takes them
// together (consolidated) or each alone.
function Together({ path, label: text }: { path: string; label: string }) {
  const e = useContext(Editor);
  // Shown while it is on, so that a model back to one project can still turn it off.
  return projectPaths(e.model).length > 1 || getAt(e.model, path) === true ? <CheckInput path={path} label={text} fallback={false} /> : null;
}

// The costs an indirect tax exempts (a list of their names), as checkboxes;
// then its holiday before first production. Calendar years of a holiday,
// which the form does not edit, are kept.
function Exemptions({ path, costs }: { path: string; costs: string[] }) {
  const e = useContext(Editor);
  const exempt = (getAt(e.model, `${path}.exempt`) as string[] | undefined) ?? [];
  const toggle = (cost: string, on: boolean) => {
    const next = costs.filter((c) => (c === cost ? on : exempt.includes(c)));
    e.set(`${path}.exempt`, next.length > 0 ? next : undefined);
  };
  return (
    <>
      <fieldset class="rows">
        <legend>{t('field.exempt')}</legend>
        <div class="row">
          {costs.map((c) => <CheckInputLocal key={c} checked={exempt.includes(c)} label={t(`cost.${c}` as MessageKey)} onChange={(on) => toggle(c, on)} />)}
        </div>
      </fieldset>
      <CheckInput path={`${path}.holiday.before_first_production`} label={t('field.beforeFirstProduction')} fallback={false} />
    </>
  );
}

// A gross split: the contractor's base split (one for every product, or one
// each), the field's characteristics as the rows of the law's tables, and
// the progressive components, each a rate added year by year.
function GrossSplitForm({ path }: { path: string }) {
  const e = useContext(Editor);
  const products = productsOf(e.model).map((p) => p.name ?? '').filter(Boolean);
  const base = getAt(e.model, `${path}.base`);
  const byProduct = !!base && typeof base === 'object' && !('driver' in base) && !('schedule' in base);
  const progressive = (getAt(e.model, `${path}.progressive`) as Record<string, unknown>[] | undefined) ?? [];
  return (
    <>
      {products.length > 1 && (
        <CheckInputLocal checked={byProduct} label={t('field.splitByProduct')} onChange={(on) => {
          const one = byProduct ? (base as Record<string, unknown>)[products[0]] : base;
          e.set(`${path}.base`, on ? Object.fromEntries(products.map((p) => [p, typeof one === 'number' ? one : undefined])) : one);
        }} />
      )}
      {byProduct
        ? <div class="row">{products.map((p) => <RateInput key={p} path={`${path}.base.${p}`} name={t('field.splitBaseOf', { product: p })} />)}</div>
        : <RateInput path={`${path}.base`} name={label('splitBase')} />}
      <RowsInput path={`${path}.variable`} label={t('field.splitVariable')} addLabel={t('editor.addComponent')} removeLabel={t('editor.remove')}
        columns={[{ key: 'component', label: t('field.component'), kind: 'text' }, { key: 'choice', label: t('field.choice'), kind: 'text' }, { key: 'split', label: t('field.split'), kind: 'percent' }]} />
      <fieldset class="rows">
        <legend>{t('field.splitProgressive')}</legend>
        {progressive.map((_, i) => (
          <div class="split-component" key={i}>
            <div class="row">
              <TextInput path={`${path}.progressive[${i}].component`} label={t('field.component')} />
              <button type="button" class="link" onClick={() => e.set(`${path}.progressive`, progressive.filter((__, k) => k !== i))}>{t('editor.remove')}</button>
            </div>
            <RateInput path={`${path}.progressive[${i}].split`} name={t('field.split')} />
          </div>
        ))}
        <button type="button" class="secondary" onClick={() => e.set(`${path}.progressive`, [...progressive, { split: { driver: 'price', mode: 'stepped', tiers: [{ from: 0 }] } }])}>{t('editor.addComponent')}</button>
      </fieldset>
    </>
  );
}

export function InstrumentForm({ path, instrument }: { path: string; instrument: Instrument }) {
  const e = useContext(Editor);
  const at = (key: string) => `${path}.${key}`;
  switch (instrument.type) {
    case 'bonus':
      return (
        <>
          <RowsInput path={at('signature')} label={t('field.signature')} addLabel={t('editor.addRow')} removeLabel={t('editor.remove')}
            columns={[{ key: 'year', label: t('field.year'), kind: 'number' }, { key: 'amount', label: t('field.amount'), kind: 'number' }]} />
          <RowsInput path={at('production')} label={t('field.productionBonus')} addLabel={t('editor.addRow')} removeLabel={t('editor.remove')}
            columns={[{ key: 'product', label: t('field.product'), kind: 'text' }, { key: 'cumulative', label: t('field.cumulative'), kind: 'number' }, { key: 'amount', label: t('field.amount'), kind: 'number' }]} />
          <CheckInput path={at('deductible')} label={t('field.deductible')} fallback={false} />
        </>
      );
    case 'surface_rent':
      return (
        <div class="row">
          <NumberInput path={at('area_km2')} label={label('area_km2')} />
          <RateInput path={at('rate_per_km2')} name={label('rate_per_km2')} percent={false} />
          <CheckInput path={at('deductible')} label={t('field.deductible')} fallback />
        </div>
      );
    case 'royalty':
      return (
        <div class="row">
          <TextInput path={at('name')} label={label('name')} />
          <Products path={at('product')} allLabel={t('field.allProducts')} />
          <SelectInput path={at('base')} label={label('base')} options={options('base', ['gross_value', 'net_smelter_return', 'volume'])} fallback="gross_value" />
          <RateInput path={at('rate')} name={label('rate')} percent={instrument.base !== 'volume'} />
          <NumberInput path={at('standard_rate')} label={label('standard_rate')} percent={instrument.base !== 'volume'} />
          <CheckInput path={at('deductible')} label={t('field.deductible')} fallback />
        </div>
      );
    case 'first_tranche_petroleum':
      return (
        <div class="row">
          <NumberInput path={at('rate')} label={label('rate')} percent />
          <CheckInput path={at('shared')} label={t('field.shared')} fallback />
        </div>
      );
    case 'cost_recovery':
      return (
        <div class="row">
          <NumberInput path={at('ceiling')} label={label('ceiling')} percent />
          <SelectInput path={at('ceiling_base')} label={label('ceiling_base')} options={options('base', ['gross_value', 'net_of_royalty_and_ftp'])} fallback="gross_value" />
          <NumberInput path={at('capex_recovery_years')} label={label('capex_recovery_years')} />
          <NumberInput path={at('uplift')} label={label('uplift')} percent />
          <NumberInput path={at('investment_credit')} label={label('investment_credit')} percent />
          <Together path={at('consolidated')} label={t('field.consolidatedRecovery')} />
        </div>
      );
    case 'profit_split':
      return <RateInput path={at('state_share')} name={label('state_share')} />;
    case 'gross_split':
      return <GrossSplitForm path={path} />;
    case 'vat':
      return (
        <>
          <div class="row">
            <NumberInput path={at('rate')} label={label('rate')} percent />
            <NumberInput path={at('opex_share')} label={label('opex_share')} percent hint={t('field.allIfEmpty')} />
            <NumberInput path={at('capex_share')} label={label('capex_share')} percent hint={t('field.allIfEmpty')} />
            {/* A refund delay belongs to refunded VAT: it goes when the VAT is no longer refunded. */}
            <CheckInputLocal checked={instrument.recoverable !== false} label={t('field.vatRecoverable')} onChange={(on) => {
              e.set(at('recoverable'), on ? undefined : false);
              if (!on) {
                e.clearDrafts(at('refund_delay_years'));
                e.set(at('refund_delay_years'), undefined);
              }
            }} />
            {instrument.recoverable !== false && <NumberInput path={at('refund_delay_years')} label={label('refund_delay_years')} />}
          </div>
          <Exemptions path={path} costs={['opex', 'exploration', 'development', 'sustaining']} />
        </>
      );
    case 'import_duty':
      return (
        <>
          <div class="row">
            <NumberInput path={at('rate')} label={label('rate')} percent />
            <NumberInput path={at('imported_share')} label={label('imported_share')} percent hint={t('field.allIfEmpty')} />
          </div>
          <Exemptions path={path} costs={['exploration', 'development', 'sustaining']} />
        </>
      );
    case 'domestic_market_obligation': {
      // Of the whole entitlement's value, or by volume of one product; by
      // volume, paid a share of the market price or a price per unit.
      const perUnit = Boolean(instrument.product) && instrument.price !== undefined;
      return (
        <div class="row">
          {/* All products: by value, so a price per unit goes with the product. */}
          <Products path={at('product')} allLabel={t('field.dmoAllProducts')}
            onChoose={(product) => {
              if (product || instrument.price === undefined) return;
              const { price: _p, product: _q, ...rest } = instrument;
              e.clearDrafts(at('price'));
              e.set(path, rest);
            }} />
          <NumberInput path={at('share')} label={label('share')} percent />
          {Boolean(instrument.product) && (
            <div class="field">
              <label for={fieldId(at('paid'))}>{t('field.dmoPaid')}</label>
              <select id={fieldId(at('paid'))} value={perUnit ? 'unit' : 'fraction'}
                onChange={(ev) => {
                  const { price: _p, price_fraction: _f, ...rest } = instrument;
                  e.clearDrafts(at('price'));
                  e.clearDrafts(at('price_fraction'));
                  e.set(path, (ev.currentTarget as HTMLSelectElement).value === 'unit' ? { ...rest, price: {} } : rest);
                }}>
                <option value="fraction">{t('field.dmoPaidFraction')}</option>
                <option value="unit">{t('field.dmoPaidUnit')}</option>
              </select>
              {e.errors[at('price')] && <span class="field-error">{e.errors[at('price')]}</span>}
            </div>
          )}
          {perUnit
            ? <NumberInput path={at('price.value')} label={t('field.dmoPrice', { unit: unitOf(e.model, instrument.product) })} />
            : <NumberInput path={at('price_fraction')} label={label('price_fraction')} percent />}
          <NumberInput path={at('holiday_years')} label={label('holiday_years')} />
        </div>
      );
    }
    case 'state_participation':
      return (
        <div class="row">
          <NumberInput path={at('share')} label={label('share')} percent />
          <SelectInput path={at('mode')} label={label('mode')} options={options('participation', ['paid', 'carried', 'free'])} blank="" />
          {instrument.mode === 'carried' && <NumberInput path={at('carry_interest')} label={label('carry_interest')} percent />}
        </div>
      );
    case 'income_tax': {
      // Costs deducted as they are recovered: no depreciation of its own. What
      // was entered for it stays, hidden, until the model is sent (prepared()).
      const asRecovered = instrument.base === 'costs_as_recovered';
      return (
        <>
          <div class="row">
            <RateInput path={at('rate')} name={label('rate')} />
            <SelectInput path={at('base')} label={t('field.incomeTaxBase')} options={options('taxBase', ['costs_as_incurred', 'costs_as_recovered'])} fallback="costs_as_incurred"
              onChoose={() => ['depreciation', 'depreciation_start', 'deduct_closure'].forEach((k) => e.clearDrafts(at(k)))} />
            <NumberInput path={at('minimum_tax_on_turnover')} label={label('minimum_tax_on_turnover')} percent />
            <NumberInput path={at('standard_rate')} label={label('standard_rate')} percent />
            <NumberInput path={at('holiday.first_production_years')} label={label('holiday_years')} />
            {!asRecovered && <SelectInput path={at('depreciation_start')} label={label('depreciation_start')} options={options('start', ['when_incurred', 'first_production'])} fallback="when_incurred" />}
            {!asRecovered && <CheckInput path={at('deduct_closure')} label={t('field.deduct_closure')} fallback />}
            <Together path={at('consolidated')} label={t('field.consolidatedTax')} />
          </div>
          {!asRecovered && <Depreciation path={at('depreciation')} />}
          <Losses path={at('losses')} />
        </>
      );
    }
    case 'resource_rent_tax':
      return (
        <>
          <RowsInput path={at('tiers')} label={t('field.tiers')} addLabel={t('editor.addTier')} removeLabel={t('editor.remove')}
            columns={[{ key: 'threshold', label: t('field.threshold'), kind: 'percent' }, { key: 'rate', label: label('rate'), kind: 'percent' }]} />
          <div class="row">
            <SelectInput path={at('base')} label={label('base')} options={options('rrtBase', ['pre_income_tax', 'post_income_tax'])} fallback="pre_income_tax" />
            <CheckInput path={at('deductible_for_income_tax')} label={t('field.deductible')} fallback={false} />
            <Together path={at('consolidated')} label={t('field.consolidatedTax')} />
          </div>
        </>
      );
    case 'windfall_tax':
      return (
        <div class="row">
          <SelectInput path={at('base')} label={label('base')} options={options('windfallBase', ['price', 'profit'])} fallback="price" />
          {instrument.base !== 'profit' && <Products path={at('product')} />}
          <NumberInput path={at('trigger')} label={label('trigger')} />
          <NumberInput path={at('rate')} label={label('rate')} percent />
        </div>
      );
    case 'dividend_withholding':
      return <NumberInput path={at('rate')} label={label('rate')} percent />;
    case 'decommissioning_fund':
      return (
        <div class="row">
          <SelectInput path={at('contribution')} label={label('contribution')} options={options('contribution', ['per_unit', 'sinking_fund'])} blank="" />
          {instrument.contribution === 'per_unit' && <Products path={at('product')} />}
          {instrument.contribution === 'per_unit' && <NumberInput path={at('per_unit')} label={t('field.per_unit', { unit: unitOf(e.model, instrument.product) })} />}
          <NumberInput path={at('interest')} label={label('fund_interest')} percent />
          <CheckInput path={at('deductible')} label={t('field.fundDeductible')} fallback />
          <CheckInput path={at('recoverable')} label={t('field.fundRecoverable')} fallback />
        </div>
      );
    default:
      return <p class="muted">{t('editor.keptAsIs')}</p>;
  }
}

// A type of instrument chosen and added to a term sheet.
export function AddInstrument({ id, onAdd }: { id: string; onAdd: (type: string) => void }) {
  const [type, setType] = useState<string>('royalty');
  return (
    <div class="row add-instrument">
      <div class="field">
        <label for={id}>{t('editor.addInstrument')}</label>
        <select id={id} value={type} onChange={(e) => setType((e.currentTarget as HTMLSelectElement).value)}>
          {(lists.value?.instrument_types ?? []).map((k) => <option key={k} value={k}>{t(`type.${k}` as MessageKey)}</option>)}
        </select>
      </div>
      <button type="button" class="secondary" onClick={() => onAdd(type)}>{t('editor.add')}</button>
    </div>
  );
}
