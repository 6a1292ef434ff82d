import React from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { DataSourceSettings } from '@grafana/data';
import type { TwinDataSourceOptions, TwinSecureJsonData } from '../types';
import { ConfigEditor } from './ConfigEditor';

type Options = DataSourceSettings<TwinDataSourceOptions, TwinSecureJsonData>;

// Only the members the editor reads or writes; the rest of DataSourceSettings is passed through.
function settings(overrides: Partial<Options> = {}): Options {
  return {
    id: 1,
    uid: 'twin',
    name: 'TwinOps',
    type: 'twinops-twin-datasource',
    access: 'proxy',
    jsonData: {},
    secureJsonFields: {},
    ...overrides,
  } as Options;
}

function setup(options: Options) {
  const onOptionsChange = jest.fn();
  const view = render(<ConfigEditor options={options} onOptionsChange={onOptionsChange} />);
  return { ...view, onOptionsChange, user: userEvent.setup() };
}

describe('ConfigEditor', () => {
  it('shows the saved URL and writes each edit to jsonData.apiUrl', async () => {
    const options = settings({ jsonData: { apiUrl: 'http://twinops:808' } });
    const { user, onOptionsChange } = setup(options);
    const url = screen.getByLabelText(/^Collector URL/);
    expect(url).toHaveValue('http://twinops:808');
    await user.type(url, '8');
    expect(onOptionsChange.mock.calls).toEqual([[{ ...options, jsonData: { apiUrl: 'http://twinops:8088' } }]]);
  });

  it('drops trailing slashes and spaces when leaving the URL field', async () => {
    const options = settings({ jsonData: { apiUrl: ' https://twin.example/ops/ ' } });
    const { user, onOptionsChange } = setup(options);
    await user.click(screen.getByLabelText(/^Collector URL/));
    await user.tab();
    expect(onOptionsChange.mock.calls).toEqual([[{ ...options, jsonData: { apiUrl: 'https://twin.example/ops' } }]]);
  });

  it.each([
    ['twinops:8088', 'Must be an http:// or https:// URL such as http://twinops:8088, got "twinops:8088"'],
    ['ftp://twinops', 'Must be an http:// or https:// URL such as http://twinops:8088, got "ftp://twinops"'],
    [
      'http://admin:secret@twinops:8088',
      'Must not hold credentials: every viewer of the datasource can read the URL; set the API token below instead',
    ],
  ])('shows an inline error for the URL %s', (apiUrl, message) => {
    setup(settings({ jsonData: { apiUrl } }));
    expect(screen.getByText(message)).toBeInTheDocument();
    expect(screen.getByLabelText(/^Collector URL/)).toHaveAttribute('aria-invalid', 'true');
  });

  it('asks for the URL only once the empty field was left', async () => {
    const { user } = setup(settings());
    expect(screen.queryByText('The collector URL is required')).not.toBeInTheDocument();
    await user.click(screen.getByLabelText(/^Collector URL/));
    await user.tab();
    expect(screen.getByText('The collector URL is required')).toBeInTheDocument();
  });

  it('accepts a valid URL without an error', () => {
    setup(settings({ jsonData: { apiUrl: 'https://twinops.example:8443/collector' } }));
    expect(screen.getByLabelText(/^Collector URL/)).toHaveAttribute('aria-invalid', 'false');
    expect(screen.queryByText(/Must/)).not.toBeInTheDocument();
  });

  it('writes a new token to secureJsonData only', async () => {
    const options = settings({ jsonData: { apiUrl: 'http://twinops:8088' } });
    const { user, onOptionsChange } = setup(options);
    const token = screen.getByLabelText(/^API token/);
    expect(token).toHaveAttribute('type', 'password');
    await user.type(token, 'k');
    expect(onOptionsChange.mock.calls).toEqual([[{ ...options, secureJsonData: { apiToken: 'k' } }]]);
  });

  it('shows a saved token as configured and never renders it back', () => {
    const options = settings({ secureJsonFields: { apiToken: true } });
    const { container } = setup(options);
    const token = screen.getByLabelText(/^API token/);
    expect(token).toHaveValue('configured');
    expect(token).toBeDisabled();
    // Grafana sends no secret value to the browser; even a stray one in the props is not shown.
    const leaked = setup(settings({ secureJsonFields: { apiToken: true }, secureJsonData: { apiToken: 's3cret' } }));
    expect(container.innerHTML).not.toContain('s3cret');
    expect(leaked.container.innerHTML).not.toContain('s3cret');
  });

  it('resets a saved token so a new one can be typed', async () => {
    const options = settings({ jsonData: { apiUrl: 'http://twinops:8088' }, secureJsonFields: { apiToken: true } });
    const { user, onOptionsChange } = setup(options);
    await user.click(screen.getByRole('button', { name: 'Reset' }));
    expect(onOptionsChange.mock.calls).toEqual([
      [{ ...options, secureJsonFields: { apiToken: false }, secureJsonData: { apiToken: '' } }],
    ]);
  });

  it('explains that the token is injected server-side and never reaches the browser', () => {
    setup(settings());
    expect(screen.getByText(/so the token never reaches the browser/)).toBeInTheDocument();
    expect(screen.getByText('Authorization: Bearer')).toBeInTheDocument();
  });
});
