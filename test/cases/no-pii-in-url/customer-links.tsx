// Agent desktop (React): customer list with links to the customer page and click-to-call.
import { Link } from 'react-router-dom';

interface Customer {
  id: string;
  name: string;
  phone: string;
  idNumber: string;
  maskedPhone: string;
}

export function CustomerRow({ customer }: { customer: Customer }) {
  return (
    <tr>
      <td>
        <a
          href={`/customers/${customer.phone}`} // $ Alert[no-pii-in-url]
          className="customer-link"
        >
          {customer.name}
        </a>
      </td>
      <td>
        <a
          href={`/customers/${customer.id}`} // safe: an id in the path
          className="customer-link"
        >
          {customer.name}
        </a>
      </td>
      <td>
        <a
          href={`https://kyc.acme-contact.com/check?id=${customer.idNumber}`} // $ Alert[no-pii-in-url]
          target="_blank"
          rel="noreferrer"
        >
          KYC
        </a>
      </td>
      <td>
        <a
          href={`tel:${customer.phone}`} // safe: a tel: link dials, it requests nothing from a server
          className="click-to-call"
        >
          {customer.maskedPhone}
        </a>
      </td>
      <td>
        <a
          href={'/customers/' + customer.id + '/calls'} // safe: an id in the path
        >
          Calls
        </a>
      </td>
      <td>
        <Link to={`/customers/${customer.id}/notes`}>Notes</Link>
      </td>
    </tr>
  );
}

export function SearchHint({ customer }: { customer: Customer }) {
  return (
    <a
      href={`/search?hint=${customer.maskedPhone}`} // safe: the masked form
    >
      Similar customers
    </a>
  );
}
