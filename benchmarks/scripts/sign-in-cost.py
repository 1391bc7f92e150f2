#!/usr/bin/env python3
"""Server CPU per authenticated request, and what a flood of wrong passwords does, against a ledger-app jar.

Starts JAR on a free port with a fresh (or DATA=dir) H2 store and the demo data, then:
  cpu   - N sequential keep-alive GETs of /api/v1/departments as auditor, REPS times: the server process's CPU
          time (utime+stime from /proc) per request, and the client's median latency;
  flood - for FLOOD seconds three connections from 127.0.0.2 send wrong passwords for 'auditor' and one from
          127.0.0.3 sprays random user names, as fast as answers come; meanwhile the real user at 127.0.0.1
          sends a request every 50 ms. Prints the answers by status (401 = a password checked by bcrypt,
          429 = refused by the throttle) and the real user's latencies.
Not a test: figures depend on the machine (report them with the load average).
usage: N=1000 REPS=3 FLOOD=60 PHASES=cpu,flood python3 -u sign-in-cost.py ledger-app/target/ledger-app.jar LABEL"""
import signal, base64, http.client, json, os, socket, statistics, subprocess, sys, tempfile, threading, time

JAR, LABEL = sys.argv[1], sys.argv[2]
TICK = os.sysconf('SC_CLK_TCK')

def free_port():
    s = socket.socket(); s.bind(('127.0.0.1', 0)); p = s.getsockname()[1]; s.close(); return p

port = free_port()
data = os.environ.get('DATA') or tempfile.mkdtemp(prefix='authbench-')
env = dict(os.environ, AXONIQ_UPDATE_CHECKER_DISABLED='true')
proc = subprocess.Popen(['java', '-Xmx512m', '-jar', JAR, '--server.port=%d' % port, '--ledger.data-dir=' + data],
                        stdout=open(data + '/out.log', 'w'), stderr=subprocess.STDOUT, env=env)

signal.signal(signal.SIGTERM, lambda *a: (proc.terminate(), sys.exit(1)))

def cpu():
    with open('/proc/%d/stat' % proc.pid) as f:
        parts = f.read().rsplit(')', 1)[1].split()
    return (int(parts[11]) + int(parts[12])) / TICK

def auth(user, pw):
    return {'Authorization': 'Basic ' + base64.b64encode(('%s:%s' % (user, pw)).encode()).decode()}

class Client:
    def __init__(self, source='127.0.0.1'):
        self.source = source; self.conn = None
    def get(self, path, headers):
        for _ in range(2):
            try:
                if self.conn is None:
                    self.conn = http.client.HTTPConnection('127.0.0.1', port, timeout=60, source_address=(self.source, 0))
                self.conn.request('GET', path, headers=headers)
                r = self.conn.getresponse(); body = r.read()
                if r.getheader('Connection', '').lower() == 'close':
                    self.conn.close(); self.conn = None
                return r.status, body
            except (ConnectionError, http.client.HTTPException, OSError):
                self.conn = None
        raise RuntimeError('request failed')

try:
    c = Client()
    deadline = time.time() + 600
    while True:
        try:
            st, body = c.get('/api/v1/departments', auth('auditor', 'demo1234'))
            if st == 200 and len(json.loads(body)) >= 3:
                break
        except Exception:
            c = Client()
        if time.time() > deadline:
            raise SystemExit('server did not come up')
        time.sleep(2)
    time.sleep(5)
    good = auth('auditor', 'demo1234')
    for _ in range(int(os.environ.get('WARM', '300'))):
        c.get('/api/v1/departments', good)
    PHASES = os.environ.get('PHASES', 'cpu,flood').split(',')
    # 1. CPU per authenticated request, sequential keep-alive, N requests; repeated REPS times
    N = int(os.environ.get('N', '1000')) if 'cpu' in PHASES else 0
    per_req, lat_all = [], []
    for rep in range(int(os.environ.get('REPS', '5')) if N else 0):
        lat = []
        c0 = cpu(); t0 = time.time()
        for _ in range(N):
            s = time.perf_counter(); st, _b = c.get('/api/v1/departments', good); lat.append(time.perf_counter() - s)
            assert st == 200, st
        per_req.append((cpu() - c0) / N * 1000); lat_all.append(statistics.median(lat) * 1000)
    if N: print('[%s] server CPU per authenticated GET /api/v1/departments: runs %s ms; median %.3f ms; client latency medians %s ms'
          % (LABEL, ['%.3f' % x for x in per_req], statistics.median(per_req), ['%.2f' % x for x in lat_all]))
    # 2. unauthenticated-ish baseline: health (no auth) for comparison
    c0 = cpu()
    for _ in range(N):
        c.get('/actuator/health', {})
    if N: print('[%s] server CPU per GET /actuator/health (no sign-in): %.3f ms' % (LABEL, (cpu() - c0) / N * 1000))
    # 3. flood of wrong passwords from 127.0.0.2 (4 connections, as fast as they go) for 60 s, while the real
    #    user at 127.0.0.1 sends one request every 50 ms
    counts = {}
    lock = threading.Lock()
    def flood(i):
        fc = Client('127.0.0.2'); n = 0
        while time.time() < stop:
            st, _b = fc.get('/api/v1/departments', auth('auditor', 'wrong-%d-%d' % (i, n))); n += 1
            with lock:
                counts[st] = counts.get(st, 0) + 1
    def spray(i):
        fc = Client('127.0.0.3'); n = 0
        while time.time() < stop:
            st, _b = fc.get('/api/v1/departments', auth('nobody-%d-%d' % (i, n), 'x' * 12)); n += 1
            with lock:
                counts['spray-%d' % st] = counts.get('spray-%d' % st, 0) + 1
    quiet = []
    for _ in range(40):
        s = time.perf_counter(); c.get('/api/v1/departments', good); quiet.append(time.perf_counter() - s); time.sleep(0.05)
    FLOOD = int(os.environ.get('FLOOD', '60'))
    stop = time.time() + FLOOD
    threads = [threading.Thread(target=flood, args=(i,), daemon=True) for i in range(3)] + [threading.Thread(target=spray, args=(9,), daemon=True)]
    c0 = cpu()
    for t in threads: t.start()
    real, real_status = [], {}
    while time.time() < stop:
        s = time.perf_counter(); st, _b = c.get('/api/v1/departments', good); real.append(time.perf_counter() - s)
        real_status[st] = real_status.get(st, 0) + 1
        time.sleep(0.05)
    for t in threads: t.join()
    flood_cpu = cpu() - c0
    print('[%s] flood %d s: answers %s; server CPU %.1f s' % (LABEL, FLOOD, counts, flood_cpu))
    print('[%s] real user (other address): median %.2f ms (p90 %.2f) during flood vs %.2f ms quiet; statuses %s'
          % (LABEL, statistics.median(real) * 1000, statistics.quantiles(real, n=10)[-1] * 1000,
             statistics.median(quiet) * 1000, real_status))
    # 4. after the flood: the attacked user with the right password from the attacker's address
    st, _b = Client('127.0.0.2').get('/api/v1/departments', good)
    print('[%s] right password from the flooding address right after: %d' % (LABEL, st))
    print('[%s] load average %s' % (LABEL, open('/proc/loadavg').read().split()[:3]))
finally:
    proc.terminate(); proc.wait(30)
