import { contactDataForm, newPersonForm } from '../../lib/deskpro/form';
import { RECORDS } from './fixtures';

describe('contactDataForm', () => {
  it('encodes type, comment and data[<k>] in PHP bracket notation', () => {
    // Act
    const body = contactDataForm(RECORDS.address).toString();

    // Assess
    expect(body).toBe(
      'type=address&comment=Work&data%5Baddress%5D=1+Main+St&data%5Bcity%5D=Springfield&data%5Bstate%5D=IL' +
        '&data%5Bzip%5D=62701&data%5Bcountry%5D=United+States',
    );
  });

  it('sends an empty comment rather than leaving it out', () => {
    expect([...contactDataForm(RECORDS.website)]).toEqual([
      ['type', 'website'],
      ['comment', ''],
      ['data[url]', 'https://www.example.com'],
    ]);
  });
});

describe('newPersonForm', () => {
  it('sends name, email, then contact_data[<n>][type|comment|data][<k>] per record', () => {
    // Act
    const form = newPersonForm({ email: 'jo@example.com', name: 'Jo Example' }, [RECORDS.phone, RECORDS.skype]);

    // Assess
    expect([...form]).toEqual([
      ['name', 'Jo Example'],
      ['email', 'jo@example.com'],
      ['contact_data[0][type]', 'phone'],
      ['contact_data[0][comment]', 'Mobile'],
      ['contact_data[0][data][number]', '555-0100'],
      ['contact_data[0][data][country_calling_code]', '1'],
      ['contact_data[0][data][type]', 'mobile'],
      ['contact_data[1][type]', 'skype'],
      ['contact_data[1][comment]', ''],
      ['contact_data[1][data][username]', 'live:jo.example'],
    ]);
  });

  it('sends only name and email when there are no records', () => {
    expect(newPersonForm({ email: 'jo@example.com', name: 'Jo Example' }, []).toString()).toBe('name=Jo+Example&email=jo%40example.com');
  });
});
