import { useState } from 'preact/hooks';
import { createAddress, deleteAddress, listAddresses, updateAddress, type Address, type NewAddress } from '../../api/addresses.js';
import { usePortal } from '../context.js';
import { ConfirmButton, Empty, ErrorNote, Field, fieldMessage, FormFooter, Loaded, ScreenTitle, useAction, useLoad } from '../kit.js';

type Editing = { mode: 'none' } | { mode: 'new' } | { mode: 'edit'; address: Address };

export function Addresses() {
  const { api, features } = usePortal();
  // The shop's settings may switch address editing off: the book is then read-only here.
  const editable = features.addressEdit;
  const load = useLoad(() => listAddresses(api));
  const [editing, setEditing] = useState<Editing>({ mode: 'none' });
  const done = () => {
    setEditing({ mode: 'none' });
    load.reload();
  };
  return (
    <section>
      <ScreenTitle>Addresses</ScreenTitle>
      {!editable ? (
        <p class="cp-hint">To change an address, please contact the shop.</p>
      ) : editing.mode === 'none' ? (
        <button type="button" class="cp-button" onClick={() => setEditing({ mode: 'new' })}>
          Add an address
        </button>
      ) : (
        <AddressForm address={editing.mode === 'edit' ? editing.address : undefined} onDone={done} onCancel={() => setEditing({ mode: 'none' })} />
      )}
      <Loaded load={load} label="Loading addresses…">
        {(page) =>
          page.items.length === 0 ? (
            <Empty>You have no saved addresses.</Empty>
          ) : (
            <ul class="cp-cards">
              {page.items.map((a) => (
                <AddressCard key={a.id} address={a} editable={editable} onEdit={() => setEditing({ mode: 'edit', address: a })} onChanged={load.reload} />
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}

function AddressCard({ address: a, editable, onEdit, onChanged }: { address: Address; editable: boolean; onEdit(): void; onChanged(): void }) {
  const { api } = usePortal();
  const remove = useAction(async () => {
    await deleteAddress(api, a.id);
    onChanged();
  });
  const makeDefault = useAction(async () => {
    await updateAddress(api, a.id, { is_default: true });
    onChanged();
  });
  const name = [a.first_name, a.last_name].filter(Boolean).join(' ');
  return (
    <li class="cp-card" aria-label={`Address ${a.address1}`}>
      <address>
        {name && <span>{name}<br /></span>}
        {a.company && <span>{a.company}<br /></span>}
        {a.address1}
        {a.address2 && <span>, {a.address2}</span>}
        <br />
        {[a.zip, a.city, a.province].filter(Boolean).join(' ')} {a.country_code}
        {a.phone && <span><br />{a.phone}</span>}
      </address>
      {a.is_default && <span class="cp-badge">Default</span>}
      {editable && <div class="cp-actions">
        <button type="button" class="cp-button cp-secondary" onClick={onEdit}>
          Edit
        </button>
        {!a.is_default && (
          <button type="button" class="cp-button cp-secondary" disabled={makeDefault.pending} onClick={() => void makeDefault.run()}>
            Make default
          </button>
        )}
        <ConfirmButton label="Delete" confirm="Confirm delete" pending={remove.pending} onConfirm={() => void remove.run()} />
      </div>}
      {(remove.error ?? makeDefault.error) && <ErrorNote error={(remove.error ?? makeDefault.error)!} />}
    </li>
  );
}

const FIELDS: { key: keyof NewAddress & string; label: string; autocomplete: string; required?: boolean }[] = [
  { key: 'first_name', label: 'First name', autocomplete: 'given-name' },
  { key: 'last_name', label: 'Last name', autocomplete: 'family-name' },
  { key: 'company', label: 'Company', autocomplete: 'organization' },
  { key: 'address1', label: 'Address', autocomplete: 'address-line1', required: true },
  { key: 'address2', label: 'Apartment, suite, etc.', autocomplete: 'address-line2' },
  { key: 'city', label: 'City', autocomplete: 'address-level2', required: true },
  { key: 'province', label: 'State / province', autocomplete: 'address-level1' },
  { key: 'zip', label: 'Postal code', autocomplete: 'postal-code' },
  { key: 'country_code', label: 'Country code (e.g. US)', autocomplete: 'country', required: true },
  { key: 'phone', label: 'Phone', autocomplete: 'tel' },
];

function AddressForm({ address, onDone, onCancel }: { address?: Address | undefined; onDone(): void; onCancel(): void }) {
  const { api } = usePortal();
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(FIELDS.map((f) => [f.key, String((address as Record<string, unknown> | undefined)?.[f.key] ?? '')])),
  );
  const [isDefault, setIsDefault] = useState(address?.is_default ?? false);
  const save = useAction(async () => {
    // Empty optional fields are cleared (null); required ones are sent as typed, so the API names what is missing.
    const body = Object.fromEntries(FIELDS.map((f) => [f.key, f.required ? (values[f.key] ?? '').trim() : (values[f.key] ?? '').trim() || null])) as unknown as NewAddress;
    if (body.country_code) body.country_code = body.country_code.toUpperCase() as NewAddress['country_code'];
    if (address) await updateAddress(api, address.id, { ...body, ...(isDefault && !address.is_default ? { is_default: true } : {}) });
    else await createAddress(api, { ...body, is_default: isDefault });
    onDone();
  });
  return (
    <form
      class="cp-card"
      aria-label={address ? 'Edit address' : 'New address'}
      onSubmit={(e) => {
        e.preventDefault();
        void save.run();
      }}
    >
      <h3>{address ? 'Edit address' : 'New address'}</h3>
      <div class="cp-form-grid">
        {FIELDS.map((f) => (
          <Field
            key={f.key}
            label={f.label}
            autocomplete={f.autocomplete}
            required={f.required}
            value={values[f.key] ?? ''}
            onValue={(v) => setValues((s) => ({ ...s, [f.key]: v }))}
            error={fieldMessage(save.error, f.key)}
          />
        ))}
      </div>
      <label class="cp-check">
        <input type="checkbox" checked={isDefault} disabled={address?.is_default} onChange={(e) => setIsDefault((e.currentTarget as HTMLInputElement).checked)} />
        Use as my default address
      </label>
      <FormFooter error={save.error} pending={save.pending} submit="Save address" busy="Saving…" onCancel={onCancel} />
    </form>
  );
}
