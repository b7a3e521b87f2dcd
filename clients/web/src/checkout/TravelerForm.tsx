import { useId } from 'react';
import type { TravelerDetailsInput } from '../gql/graphql';

/** The traveler fields the checkout asks for, as the form keeps them (all strings). */
export interface TravelerFields {
  givenNames: string;
  surname: string;
  dateOfBirth: string;
  email: string;
  phone: string;
  passportNumber: string;
  passportCountry: string;
  passportExpiresOn: string;
  emergencyName: string;
  emergencyPhone: string;
}

export const EMPTY_TRAVELER: TravelerFields = {
  givenNames: '',
  surname: '',
  dateOfBirth: '',
  email: '',
  phone: '',
  passportNumber: '',
  passportCountry: '',
  passportExpiresOn: '',
  emergencyName: '',
  emergencyPhone: '',
};

const LABELS: Record<keyof TravelerFields, { label: string; type: string; autoComplete?: string }> = {
  givenNames: { label: 'Given names', type: 'text', autoComplete: 'given-name' },
  surname: { label: 'Surname', type: 'text', autoComplete: 'family-name' },
  dateOfBirth: { label: 'Date of birth', type: 'date', autoComplete: 'bday' },
  email: { label: 'Email', type: 'email', autoComplete: 'email' },
  phone: { label: 'Phone (+country code)', type: 'tel', autoComplete: 'tel' },
  passportNumber: { label: 'Passport number', type: 'text' },
  passportCountry: { label: 'Passport country (ISO code, e.g. US)', type: 'text' },
  passportExpiresOn: { label: 'Passport expires on', type: 'date' },
  emergencyName: { label: 'Emergency contact name', type: 'text' },
  emergencyPhone: { label: 'Emergency contact phone', type: 'tel' },
};

/** The form's strings as the graph's input; the server validates every field and names the wrong ones. */
export function toTravelerDetails(f: TravelerFields): TravelerDetailsInput {
  return {
    givenNames: f.givenNames.trim(),
    surname: f.surname.trim(),
    dateOfBirth: f.dateOfBirth,
    contact: { email: f.email.trim(), phone: f.phone.trim() },
    passport: { number: f.passportNumber.trim(), issuingCountry: f.passportCountry.trim().toUpperCase(), expiresOn: f.passportExpiresOn },
    emergencyContact: { name: f.emergencyName.trim(), phone: f.emergencyPhone.trim() },
  };
}

interface Props {
  value: TravelerFields;
  onChange: (value: TravelerFields) => void;
  /** Server messages per field name (the last segment of a UserError's field path). */
  errors: Partial<Record<string, string>>;
}

export function TravelerForm({ value, onChange, errors }: Props) {
  const id = useId();
  return (
    <fieldset className="traveler-form">
      <legend>Traveler</legend>
      {(Object.keys(LABELS) as (keyof TravelerFields)[]).map((key) => {
        const { label, type, autoComplete } = LABELS[key];
        const error = errors[key];
        return (
          <div className="field" key={key}>
            <label htmlFor={`${id}-${key}`}>{label}</label>
            <input
              id={`${id}-${key}`}
              name={key}
              type={type}
              autoComplete={autoComplete}
              required
              value={value[key]}
              onChange={(e) => onChange({ ...value, [key]: e.target.value })}
              aria-invalid={error ? true : undefined}
            />
            {error && <p className="field-error">{error}</p>}
          </div>
        );
      })}
    </fieldset>
  );
}
