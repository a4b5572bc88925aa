import { getEcosystem } from './src/lib/versions';
const go = getEcosystem('Go');
for (const v of ['1.2.3','v1.2.3','0.0.0-20200101-abcdef', 'v0.0.0-20200101000000-abcdefabcdef', '1.2']) { try { console.log(v, JSON.stringify(go.sortKey(v))); } catch (e) { console.log(v, (e as Error).message); } }
const npm = getEcosystem('npm');
for (const v of ['1.2.3','v1.2.3','1.2', 'x']) { try { console.log(v, JSON.stringify(npm.sortKey(v))); } catch (e) { console.log(v, (e as Error).message); } }
const t0=performance.now(); let n=0; for (let i=0;i<200000;i++){ n+=npm.sortKey(`1.${i%100}.${i%37}`).length;} console.log('npm key/us', (performance.now()-t0)/200);
const py=getEcosystem('PyPI'); const t1=performance.now(); for (let i=0;i<200000;i++){ n+=py.sortKey(`1.${i%100}.${i%37}`).length;} console.log('pypi key/us', (performance.now()-t1)/200);
