import { printTable } from '../lib/report';
import { benchKafkaLag } from '../projections/kafka-lag';
benchKafkaLag().then((r) => { printTable('kafka lag', r.rows); r.notes.forEach((l) => console.log(l)); }, (e) => { console.error(e); process.exit(1); });
