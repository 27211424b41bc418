// Sequelize models of the inbound IVR: callers identified by phone and national ID.
import { DataTypes, Model, Sequelize } from 'sequelize';
import type { InferAttributes, InferCreationAttributes } from 'sequelize';
import express from 'express';
import twilio from 'twilio';
import { decrypt, encrypt, hmacLookup } from '@acme/crypto';

const sequelize = new Sequelize(process.env.DATABASE_URL ?? '', { dialect: 'postgres', logging: false });

// define(): plaintext columns.
const Caller = sequelize.define('Caller', {
  id: { type: DataTypes.UUID, defaultValue: DataTypes.UUIDV4, primaryKey: true }, // safe: primary key
  phone: { type: DataTypes.STRING(20), allowNull: false }, // $ Alert[no-plaintext-pii-storage]
  ssn: DataTypes.STRING(11), // $ Alert[no-plaintext-pii-storage]
  email: DataTypes.STRING, // safe: email is not a kind of this rule
  isPhoneVerified: { type: DataTypes.BOOLEAN, defaultValue: false }, // safe: boolean flag
  language: DataTypes.STRING(5), // safe: not PII
});

// init(): the same fields, encrypted by their setters.
class SecureCaller extends Model<InferAttributes<SecureCaller>, InferCreationAttributes<SecureCaller>> {
  declare id: string;
  declare phone: string;
  declare ssn: string | null;
  declare phoneLookup: string;
}

SecureCaller.init(
  {
    id: { type: DataTypes.UUID, defaultValue: DataTypes.UUIDV4, primaryKey: true }, // safe: primary key
    phone: {
      type: DataTypes.TEXT,
      set(value: string) {
        this.setDataValue('phone', encrypt(value));
      },
      get() {
        return decrypt(this.getDataValue('phone'));
      },
    }, // safe: encrypting setter
    ssn: {
      type: DataTypes.TEXT,
      allowNull: true,
      set(value: string | null) {
        this.setDataValue('ssn', value == null ? null : encrypt(value));
      },
    }, // safe: encrypting setter
    phoneLookup: { type: DataTypes.STRING(64), unique: true }, // safe: keyed HMAC lookup column
  },
  { sequelize, tableName: 'secure_callers' },
);

const CallEvent = sequelize.define('CallEvent', {
  callSid: { type: DataTypes.STRING(34), primaryKey: true }, // safe: SID
  status: DataTypes.STRING, // safe: not PII
  note: DataTypes.TEXT, // safe: not a PII column (what is written into it is checked at the write)
});

const app = express();
app.use(express.urlencoded({ extended: false }));

app.post('/voice/identify', twilio.webhook(), async (req, res) => {
  const { CallSid, From, Digits } = req.body;

  await Caller.create({ phone: From, language: 'en' }); // reported at the Caller.phone attribute
  await SecureCaller.create({ phone: From, phoneLookup: hmacLookup(From) }); // safe: the model's setter encrypts
  await CallEvent.create({ callSid: CallSid, status: 'identified' }); // safe: no PII
  await CallEvent.create({ callSid: CallSid, status: 'identified', note: `identified as ${From}` }); // $ Alert[no-plaintext-pii-storage]
  await Caller.update({ ssn: Digits }, { where: { phone: From } }); // reported at the Caller.ssn attribute

  res.type('text/xml').send(new twilio.twiml.VoiceResponse().toString());
});

export async function importCallers(rows: { phone: string; ssn: string }[]): Promise<void> {
  await Caller.bulkCreate(rows); // reported at the Caller.phone and Caller.ssn attributes
  await SecureCaller.bulkCreate(rows.map((row) => ({ phone: row.phone, ssn: row.ssn, phoneLookup: hmacLookup(row.phone) }))); // safe: setters encrypt
  await Caller.bulkCreate(rows.map((row) => ({ phone: encrypt(row.phone), ssn: encrypt(row.ssn) }))); // safe: encrypted before the write
}

export async function findCaller(phone: string) {
  return Caller.findOne({ where: { phone } }); // safe: a read
}
