// The lab's network rule, checked without starting anything: the configs it
// generates name loopback addresses and lab names only, its resolver is its
// own DNS server, and that DNS server answers from the lab's zone alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { configProblems } from '../../scripts/lab/check-config';
import { answer } from '../../scripts/lab/dns';
import { labZone } from '../../scripts/lab/layout';
import { SERVERS } from '../../scripts/lab/servers';
import type { LabContext } from '../../scripts/lab/servers/types';

const ctx = (id: string): LabContext => ({
  pkgRoot: (p) => `/tmp/whybounce-lab-test/root/${p}`,
  dir: `/tmp/whybounce-lab-test/state/${id}`,
  uid: () => 2901,
  gid: () => 2901,
});

for (const server of SERVERS) {
  test(`${server.id}: generated configs keep to loopback and the lab's names`, () => {
    const files = server.configFiles(ctx(server.id));
    assert.ok(Object.keys(files).length > 0);
    assert.deepEqual(configProblems(files), []);
    assert.match(server.ip, /^127\./);
  });
}

test('the check finds a relay, an address or a resolver off loopback', () => {
  assert.equal(configProblems({ 'main.cf': 'relayhost = [smtp.example.com]:587\n' }).length, 1);
  assert.equal(configProblems({ 'main.cf': 'relayhost = [mx.remote.lab.example]\n' }).length, 0);
  assert.equal(configProblems({ 'exim.conf': 'route_list = * 192.0.2.1\n' }).length, 1);
  assert.equal(configProblems({ 'lab.mc': "define(`SMART_HOST', `relay.example.net')dnl\n" }).length, 1);
  assert.equal(configProblems({ 'lab.mc': "define(`SMART_HOST', `[mx.remote.lab.example]')dnl\n" }).length, 0);
  assert.equal(configProblems({ 'sendmail.cf': 'DSsmtp:relay.example.net\n' }).length, 1);
  assert.equal(configProblems({ 'sendmail.cf': 'DS\nDMmx.remote.lab.example\n' }).length, 0);
  assert.equal(configProblems({ 'resolv.conf': 'nameserver 10.0.0.53\n' }).length, 2);
  assert.equal(configProblems({ 'resolv.conf': 'nameserver 127.0.0.1\n' }).length, 0);
});

test("every address in the lab's zone is on loopback", () => {
  for (const [name, rec] of labZone()) {
    for (const ip of rec.a ?? []) assert.match(ip, /^127\./, name);
    for (const mx of rec.mx ?? []) assert.match(mx.host, /\.lab\.example$/, name);
  }
});

function query(name: string, type: number): Buffer {
  const labels = name.split('.').map((l) => Buffer.concat([Buffer.from([l.length]), Buffer.from(l)]));
  const tail = Buffer.alloc(4);
  tail.writeUInt16BE(type, 0);
  tail.writeUInt16BE(1, 2);
  const head = Buffer.from([0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0]);
  return Buffer.concat([head, ...labels, Buffer.from([0]), tail]);
}

test('the lab DNS server answers NXDOMAIN outside its zone and A records inside it', () => {
  const zone = labZone();
  const nx = answer(query('nx.lab.example', 15), zone);
  assert.ok(nx);
  assert.equal(nx.readUInt16BE(0), 0x1234);
  assert.equal(nx.readUInt16BE(2) & 0x000f, 3);
  const a = answer(query('mx.remote.lab.example', 1), zone);
  assert.ok(a);
  assert.equal(a.readUInt16BE(2) & 0x000f, 0);
  assert.equal(a.readUInt16BE(6), 1);
  assert.deepEqual([...a.subarray(a.length - 4)], [127, 0, 0, 2]);
  const mx = answer(query('remote.lab.example', 15), zone);
  assert.ok(mx);
  assert.equal(mx.readUInt16BE(6), 1);
});
