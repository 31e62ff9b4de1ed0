/*
 * What Rucio's own CLI parser makes of filter texts: the output of
 * `rucio.common.utils.parse_did_filter_from_string_fe(text, name='*')` in Rucio 41.5.1
 * (the devstack's venv), recorded once. `error` is the Python exception class. The grammar
 * tests hold parseFilter to these.
 */

export interface RucioParse {
  input: string;
  filters?: Record<string, string>[];
  error?: string;
}

export const RUCIO_PARSES: readonly RucioParse[] = [
  { input: 'obs_id=2000000200', filters: [{ obs_id: '2000000200', name: '*' }] },
  { input: 'obs_id==2000000200', filters: [{ obs_id: '2000000200', name: '*' }] },
  {
    input: 'site=CTAO-North,data_level=DL0',
    filters: [{ site: 'CTAO-North', data_level: 'DL0', name: '*' }],
  },
  {
    input: 'site=CTAO-North; site=CTAO-South',
    filters: [
      { site: 'CTAO-North', name: '*' },
      { site: 'CTAO-South', name: '*' },
    ],
  },
  {
    input: 'obs_id>=2000000001,obs_id<=2000000010',
    filters: [{ 'obs_id.gte': '2000000001', 'obs_id.lte': '2000000010', name: '*' }],
  },
  {
    input: '2000000001<=obs_id<=2000000010',
    filters: [{ 'obs_id.gte': '2000000001', 'obs_id.lte': '2000000010', name: '*' }],
  },
  {
    input: '2000000001<obs_id<2000000010',
    filters: [{ 'obs_id.gt': '2000000001', 'obs_id.lt': '2000000010', name: '*' }],
  },
  {
    input: '2000000010>obs_id>2000000001',
    filters: [{ 'obs_id.lt': '2000000010', 'obs_id.gt': '2000000001', name: '*' }],
  },
  {
    input: '2000000010>=obs_id>=2000000001,site=CTAO-South',
    filters: [
      { 'obs_id.lte': '2000000010', 'obs_id.gte': '2000000001', site: 'CTAO-South', name: '*' },
    ],
  },
  { input: '1<k=5', filters: [{ 'k.gt': '1', k: '5', name: '*' }] },
  { input: '1<k!=5', filters: [{ 'k.gt': '1', 'k.ne': '5', name: '*' }] },
  {
    input: 'start_time>=2025-02-04T21:00:00,end_time<=2025-02-04T23:00:00',
    filters: [
      { 'start_time.gte': '2025-02-04T21:00:00', 'end_time.lte': '2025-02-04T23:00:00', name: '*' },
    ],
  },
  {
    input: 'start_time>2025-02-04 21:00:00',
    filters: [{ 'start_time.gt': '2025-02-04 21:00:00', name: '*' }],
  },
  { input: 'observing_night=2025-02-04', filters: [{ observing_night: '2025-02-04', name: '*' }] },
  {
    input: 'target_name=Crab;target_name=Mrk 421',
    filters: [
      { target_name: 'Crab', name: '*' },
      { target_name: 'Mrk 421', name: '*' },
    ],
  },
  { input: 'target_name=Sgr A*', filters: [{ target_name: 'Sgr A*', name: '*' }] },
  { input: 'target_name=1ES 1959+650', filters: [{ target_name: '1ES 1959+650', name: '*' }] },
  { input: 'target_name!=Crab', filters: [{ 'target_name.ne': 'Crab', name: '*' }] },
  { input: 'array_element=LSTN-*', filters: [{ array_element: 'LSTN-*', name: '*' }] },
  { input: 'name=/ctao/acada/DL0/*', filters: [{ name: '/ctao/acada/DL0/*' }] },
  {
    input: 'name=/ctao/acada/*,obs_id=2000000200',
    filters: [{ name: '/ctao/acada/*', obs_id: '2000000200' }],
  },
  {
    input: 'obs_id=1,name=/ctao/*;obs_id=2,name=/ctao/*',
    filters: [
      { obs_id: '1', name: '/ctao/*' },
      { obs_id: '2', name: '/ctao/*' },
    ],
  },
  { input: 'type=file', filters: [{ type: 'file', name: '*' }] },
  { input: 'type=file,obs_id=1', filters: [{ type: 'file', obs_id: '1', name: '*' }] },
  { input: 'type=dataset,name=/ctao/*', filters: [{ type: 'dataset', name: '/ctao/*' }] },
  {
    input: '  obs_id = 2000000200 ,  site = CTAO-North  ',
    filters: [{ obs_id: '2000000200', site: 'CTAO-North', name: '*' }],
  },
  { input: 'obs_id=1,,site=CTAO-North', filters: [{ obs_id: '1', site: 'CTAO-North', name: '*' }] },
  {
    input: 'obs_id=1;;obs_id=2',
    filters: [
      { obs_id: '1', name: '*' },
      { obs_id: '2', name: '*' },
    ],
  },
  { input: 'obs_id=1;', filters: [{ obs_id: '1', name: '*' }] },
  { input: ';obs_id=1', filters: [{ obs_id: '1', name: '*' }] },
  { input: 'obs_id=1,', filters: [{ obs_id: '1', name: '*' }] },
  {
    input: 'dec_pnt>-31,dec_pnt<-29',
    filters: [{ 'dec_pnt.gt': '-31', 'dec_pnt.lt': '-29', name: '*' }],
  },
  { input: '-31<dec_pnt<-29', filters: [{ 'dec_pnt.gt': '-31', 'dec_pnt.lt': '-29', name: '*' }] },
  {
    input: 'ra_pnt>=83.1,ra_pnt<=84.1,dec_pnt>=21.5,dec_pnt<=22.5',
    filters: [
      {
        'ra_pnt.gte': '83.1',
        'ra_pnt.lte': '84.1',
        'dec_pnt.gte': '21.5',
        'dec_pnt.lte': '22.5',
        name: '*',
      },
    ],
  },
  { input: 'valid_fits_checksum=true', filters: [{ valid_fits_checksum: 'true', name: '*' }] },
  { input: 'bytes>1000', filters: [{ 'bytes.gt': '1000', name: '*' }] },
  {
    input: 'created_after=2025-01-01 00:00:00',
    filters: [{ created_after: '2025-01-01 00:00:00', name: '*' }],
  },
  { input: 'length.gt=5', filters: [{ 'length.gt': '5', name: '*' }] },
  { input: 'obs_id', error: 'DIDFilterSyntaxError' },
  { input: 'obs_id>', error: 'DIDFilterSyntaxError' },
  { input: '=5', error: 'DIDFilterSyntaxError' },
  { input: 'a=<b', error: 'DIDFilterSyntaxError' },
  { input: 'a<=>b', error: 'DIDFilterSyntaxError' },
  { input: 'a===b', error: 'DIDFilterSyntaxError' },
  { input: 'a=b=c', error: 'UnboundLocalError' },
  { input: '1=k<5', error: 'UnboundLocalError' },
  { input: '1!=k<5', error: 'UnboundLocalError' },
  { input: '1<k<5<6', error: 'DIDFilterSyntaxError' },
  { input: 'obs_id=1,obs_id=2', error: 'DuplicateCriteriaInDIDFilter' },
  { input: 'obs_id=1,obs_id==2', error: 'DuplicateCriteriaInDIDFilter' },
  { input: 'obs_id>=1,obs_id>=2', error: 'DuplicateCriteriaInDIDFilter' },
  { input: '1<k<5,k>2', error: 'DuplicateCriteriaInDIDFilter' },
  {
    input: 'obs_id=1;obs_id=1',
    filters: [
      { obs_id: '1', name: '*' },
      { obs_id: '1', name: '*' },
    ],
  },
  { input: 'a=1, ,b=2', error: 'DIDFilterSyntaxError' },
  { input: 'a=1; ;b=2', filters: [{ a: '1', name: '*' }, { name: '*' }, { b: '2', name: '*' }] },
  { input: 'a< =b', filters: [{ '.gt': 'a', '': 'b', name: '*' }] },
  { input: 'k=v w', filters: [{ k: 'v w', name: '*' }] },
  { input: "k=it's", filters: [{ k: "it's", name: '*' }] },
  { input: 'k="quoted"', filters: [{ k: '"quoted"', name: '*' }] },
  { input: 'k=back\\slash', filters: [{ k: 'back\\slash', name: '*' }] },
  { input: 'k=ünïcödé', filters: [{ k: 'ünïcödé', name: '*' }] },
  { input: 'k=a!b', filters: [{ k: 'a!b', name: '*' }] },
  { input: 'k!=a!', filters: [{ 'k.ne': 'a!', name: '*' }] },
  { input: '', filters: [{ name: '*' }] },
];
