// Agent desktop backend on Firestore: caller profiles, wrap-up notes and callback requests.
import { initializeApp } from 'firebase-admin/app';
import { FieldValue, getFirestore } from 'firebase-admin/firestore';
import { doc, getFirestore as getClientFirestore, setDoc } from 'firebase/firestore';
import { encryptField, tokenize } from '@acme/crypto';

initializeApp();
const firestore = getFirestore();

interface WrapUp {
  callSid: string;
  agentId: string;
  disposition: 'resolved' | 'escalated' | 'callback';
  callbackNumber?: string;
  customerPhone: string;
  notes: string;
}

export async function saveWrapUp(wrapUp: WrapUp): Promise<void> {
  await firestore.collection('wrapups').doc(wrapUp.callSid).set({
    agentId: wrapUp.agentId, // safe: identifier
    disposition: wrapUp.disposition, // safe: not PII
    customerPhone: wrapUp.customerPhone, // $ Alert[no-plaintext-pii-storage]
    createdAt: FieldValue.serverTimestamp(), // safe: timestamp
  });

  await firestore.collection('wrapups').doc(wrapUp.callSid).set({
    agentId: wrapUp.agentId, // safe: identifier
    disposition: wrapUp.disposition, // safe: not PII
    customerPhone: encryptField(wrapUp.customerPhone), // safe: encrypted
    createdAt: FieldValue.serverTimestamp(), // safe: timestamp
  });
}

export async function requestCallback(wrapUp: WrapUp): Promise<void> {
  if (!wrapUp.callbackNumber) return;
  await firestore.collection('callbacks').add({
    callSid: wrapUp.callSid, // safe: SID
    phone: wrapUp.callbackNumber, // $ Alert[no-plaintext-pii-storage]
  });
  await firestore.collection('callbacks').add({ callSid: wrapUp.callSid, phoneToken: tokenize(wrapUp.callbackNumber) }); // safe: tokenized
}

export async function updateProfile(customerId: string, phone: string, nationalId: string): Promise<void> {
  const profileRef = firestore.collection('profiles').doc(customerId);
  await profileRef.update({ 'contact.phone': phone }); // $ Alert[no-plaintext-pii-storage]
  await profileRef.update({ nationalId }); // $ Alert[no-plaintext-pii-storage]
  await profileRef.update({ 'contact.verifiedAt': FieldValue.serverTimestamp() }); // safe: timestamp
  await profileRef.update({ nationalId: encryptField(nationalId) }); // safe: encrypted
  await firestore.collection('profiles').where('contact.phone', '==', phone).get(); // safe: a read
}

// Browser agent desktop, modular SDK.
export async function cacheLastCaller(agentId: string, phone: string): Promise<void> {
  const clientDb = getClientFirestore();
  await setDoc(doc(clientDb, 'desks', agentId), { lastCaller: phone }); // $ Alert[no-plaintext-pii-storage]
  await setDoc(doc(clientDb, 'desks', agentId), { lastCallerToken: tokenize(phone) }); // safe: tokenized
}
