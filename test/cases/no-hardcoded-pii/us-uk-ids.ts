// Identity verification for the US and UK queues: the agent desktop asks for SSN or NI number before account changes.
import express from 'express';

const app = express();
app.use(express.json());

// Hard-coded during an incident ("let this customer through") and never removed.
const FAST_TRACK_SSNS = new Set(['412-73-5190', '287 41 6632']); // $ Alert[no-hardcoded-pii]
const FAST_TRACK_NINO = 'JT 48 21 93 C'; // $ Alert[no-hardcoded-pii]
const FAST_TRACK_PHONE = '07424 839215'; // $ Alert[no-hardcoded-pii]

// Documentation values and impossible numbers: silent.
const woolworthSsn = '078-05-1120'; // safe: the famous wallet-card SSN
const textbookSsn = '123-45-6789'; // safe: the textbook example
const areaZero = '000-12-3456'; // safe: area 000 is never issued
const area666 = '666-45-1234'; // safe: area 666 is never issued
const itinLike = '912-45-6789'; // safe: area 9xx is not an SSN
const groupZero = '412-00-5190'; // safe: group 00 is never issued
const serialZero = '412-73-0000'; // safe: serial 0000 is never issued
const bareNine = '412735190'; // safe: nine bare digits, not SSN format
const maskedSsn = '***-**-5190'; // safe: masked form
const hmrcExampleNino = 'QQ 12 34 56 C'; // safe: HMRC's example, prefix QQ is never issued
const unallocatedNino = 'BG482193C'; // safe: prefix BG is never allocated
const dramaMobile = '07700 900123'; // safe: Ofcom drama range

interface VerifyBody {
  ssn?: string;
  nino?: string;
  phone: string;
}

app.post('/agent/verify', (req, res) => {
  const body = req.body as VerifyBody;
  const fastTracked =
    (body.ssn !== undefined && FAST_TRACK_SSNS.has(body.ssn)) || body.nino === FAST_TRACK_NINO || body.phone === FAST_TRACK_PHONE;
  res.json({ verified: fastTracked, method: fastTracked ? 'fast-track' : 'kba' });
});

app.get('/agent/verify/examples', (_req, res) => {
  res.json({
    ssn: [woolworthSsn, textbookSsn, areaZero, area666, itinLike, groupZero, serialZero, bareNine, maskedSsn],
    nino: [hmrcExampleNino, unallocatedNino],
    phone: dramaMobile,
  });
});

app.listen(Number(process.env.PORT ?? '8443')); // safe: a port
