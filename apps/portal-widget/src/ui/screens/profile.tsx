import { useState } from 'preact/hooks';
import { getProfile, updateProfile, type Profile } from '../../api/profile.js';
import { usePortal } from '../context.js';
import { Field, fieldMessage, FormFooter, Loaded, ScreenTitle, useAction, useLoad } from '../kit.js';

export function ProfileScreen() {
  const { api } = usePortal();
  const load = useLoad(() => getProfile(api));
  return (
    <section>
      <ScreenTitle>Profile</ScreenTitle>
      <Loaded load={load}>{(p) => <ProfileForm profile={p} onSaved={load.set} />}</Loaded>
    </section>
  );
}

function ProfileForm({ profile, onSaved }: { profile: Profile; onSaved(p: Profile): void }) {
  const { api } = usePortal();
  const [first, setFirst] = useState(profile.first_name ?? '');
  const [last, setLast] = useState(profile.last_name ?? '');
  const [phone, setPhone] = useState(profile.phone ?? '');
  const [saved, setSaved] = useState(false);
  const save = useAction(async () => {
    setSaved(false);
    const next = await updateProfile(api, { first_name: first.trim() || null, last_name: last.trim() || null, phone: phone.trim() || null });
    onSaved(next);
    setSaved(true);
  });
  return (
    <form
      class="cp-card"
      onSubmit={(e) => {
        e.preventDefault();
        void save.run();
      }}
    >
      <p>
        Signed in as <strong>{profile.email ?? profile.phone}</strong>
      </p>
      <Field label="First name" autocomplete="given-name" value={first} onValue={setFirst} error={fieldMessage(save.error, 'first_name')} />
      <Field label="Last name" autocomplete="family-name" value={last} onValue={setLast} error={fieldMessage(save.error, 'last_name')} />
      <Field label="Phone" type="tel" autocomplete="tel" hint="With country code, e.g. +14155550123" value={phone} onValue={setPhone} error={fieldMessage(save.error, 'phone')} />
      <FormFooter error={save.error} pending={save.pending} submit="Save" busy="Saving…">
        {saved && <span role="status">Saved.</span>}
      </FormFooter>
    </form>
  );
}
