import { DEV_CLIENTS, RUCIO_ROOT } from '@bdms/dev-fixtures';
import { describe, expect, it } from 'vitest';
import {
  renderAlembicIni,
  renderIdpSecrets,
  renderRucioCfg,
  type RucioConfigInput,
} from './rucio-config.ts';

const input: RucioConfigInput = {
  dbUrl: 'postgresql+psycopg://postgres@127.0.0.1:5432/bdms_rucio',
  etcDir: '/s/rucio/etc',
  logDir: '/s/logs',
  mailTemplateDir: '/s/venv/rucio/etc/mail_templates',
  policy: 'ctao',
};

/** Minimal INI reader: section → key → value (what Python's configparser would see). */
function parseIni(text: string): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  let current: Record<string, string> | undefined;
  for (const line of text.split('\n')) {
    const header = /^\[(.+)\]$/.exec(line);
    if (header) out[header[1]!] = current = {};
    const kv = /^([^#;=\s][^=]*?)\s*=\s*(.*)$/.exec(line);
    if (kv && current) current[kv[1]!] = kv[2]!;
  }
  return out;
}

describe('renderRucioCfg', () => {
  it('when the CTAO policy is chosen, then the package drives schema, scope and lfn2pfn', () => {
    const cfg = parseIni(renderRucioCfg(input));
    expect(cfg.policy).toEqual({
      package: 'bdms_rucio_policy',
      permission: 'generic',
      lfn2pfn_algorithm_default: 'ctao_bdms',
    });
    expect(cfg.common?.extract_scope).toBe('ctao_bdms');
  });

  it('when the generic policy is chosen, then no package is named and dirac extracts the scope', () => {
    const cfg = parseIni(renderRucioCfg({ ...input, policy: 'generic' }));
    expect(cfg.policy?.package).toBeUndefined();
    expect(cfg.policy?.lfn2pfn_algorithm_default).toBe('identity');
    expect(cfg.common?.extract_scope).toBe('dirac');
  });

  it('when a GeoIP archive is offered, then Rucio downloads it from there, keeps it, and never asks its database for the sort options', () => {
    const url = 'http://127.0.0.1:4420/geoip/GeoLite2-City.tar.gz';
    const cfg = parseIni(renderRucioCfg({ ...input, geoipDownloadUrl: url }));
    expect(cfg.core).toEqual({
      geoip_download_url: url,
      geoip_expire_delay: '0',
      geoip_ignore_error: 'True',
    });
    expect(parseIni(renderRucioCfg(input)).core).toBeUndefined();
  });

  it('then the database, alembic, bootstrap, mail templates and oidc keys are absolute and unquoted', () => {
    const cfg = parseIni(renderRucioCfg(input));
    expect(cfg.database?.default).toBe(input.dbUrl);
    expect(cfg.alembic?.cfg).toBe('/s/rucio/etc/alembic.ini');
    expect(cfg.bootstrap).toMatchObject({
      userpass_identity: RUCIO_ROOT.username,
      userpass_pwd: RUCIO_ROOT.password,
    });
    expect(cfg.common?.mailtemplatedir).toBe(input.mailTemplateDir);
    expect(cfg.oidc).toEqual({
      idpsecrets: '/s/rucio/etc/idpsecrets.json',
      admin_issuer: 'localiam',
      expected_audience: 'rucio',
      expected_scope: 'openid profile',
    });
  });
});

describe('renderRucioCfg for the transfer loop', () => {
  it('then multihop is off (an empty expression), so the conveyor submitter does not warn at every pass', () => {
    const text = renderRucioCfg(input);
    expect(parseIni(text).transfers).toEqual({ multihop_rse_expression: '' });
  });
});

describe('renderAlembicIni', () => {
  const template = [
    '# header',
    '[alembic]',
    'sqlalchemy.url=oracle+oracledb://user:pass@servicename',
    'version_table_schema=rucio',
    'script_location = lib/rucio/db/sqla/migrate_repo/',
    '',
    '# Logging configuration',
    '[loggers]',
    'keys = root,sqlalchemy,alembic',
    '[formatter_generic]',
    'format = %(levelname)-5.5s [%(name)s] %(message)s',
  ].join('\n');

  it('then [alembic] holds our URL and an absolute script_location, and logging survives', () => {
    const out = renderAlembicIni(template, input.dbUrl, '/venv/site/rucio/db/sqla/migrate_repo');
    const ini = parseIni(out);
    expect(ini.alembic).toEqual({
      'sqlalchemy.url': input.dbUrl,
      script_location: '/venv/site/rucio/db/sqla/migrate_repo',
    });
    expect(ini.loggers?.keys).toBe('root,sqlalchemy,alembic');
    expect(out).toContain('format = %(levelname)-5.5s [%(name)s] %(message)s');
  });

  it('when the template has no [alembic] section, then it refuses', () => {
    expect(() => renderAlembicIni('[loggers]\n', 'x', 'y')).toThrow(/no \[alembic\]/);
  });
});

describe('renderIdpSecrets', () => {
  it('then the issuer is byte-exact and the mandatory SCIM entry is present', () => {
    const secrets = JSON.parse(renderIdpSecrets('http://127.0.0.1:4400/')) as Record<
      string,
      unknown
    >;
    expect(secrets).toEqual({
      localiam: {
        issuer: 'http://127.0.0.1:4400/',
        client_id: DEV_CLIENTS.rucio.clientId,
        client_secret: DEV_CLIENTS.rucio.clientSecret,
        redirect_uris: [],
        SCIM: {
          client_id: DEV_CLIENTS.rucio.clientId,
          client_secret: DEV_CLIENTS.rucio.clientSecret,
        },
      },
    });
  });
});
