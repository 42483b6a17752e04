import { defineControl } from '../engine/evaluate/define-control.js';
import { judgeInternetPorts } from '../engine/evaluate/network-exposure.js';

/**
 * Data-store ports that must never face the whole internet:
 * 1433 MSSQL; 1521, 2483, 2484 Oracle (listener, TCP and TCPS); 3306 MySQL/MariaDB;
 * 5432 PostgreSQL; 5984 CouchDB; 6379 Redis; 7000, 7001, 9042, 9160 Cassandra
 * (inter-node, inter-node TLS, CQL, Thrift); 8020 Hadoop HDFS NameNode;
 * 8086 InfluxDB; 8888 Cassandra OpsCenter; 9200, 9300 Elasticsearch (HTTP,
 * transport); 5601 Kibana; 11211 Memcached (also UDP, abused for amplification);
 * 27017, 27018, 27019 MongoDB (mongod, shard, config server).
 */
const DATABASE_PORTS: readonly number[] = [
  1433, 1521, 2483, 2484, 3306, 5432, 5984, 6379, 7000, 7001, 8020, 8086, 8888, 9042, 9160, 9200, 9300, 11211, 27017,
  27018, 27019, 5601,
];

export default defineControl({
  id: 'ec2-security-group-no-public-database-ports',
  title: 'Security group admits no traffic from the internet to database and data-store ports',
  service: 'ec2',
  severity: 'high',
  resourceTypes: ['AWS::EC2::SecurityGroup'],
  description:
    'No inbound rule admits 0.0.0.0/0 or ::/0 over TCP, UDP or all protocols to a database port: MSSQL, Oracle, MySQL, PostgreSQL, CouchDB, Redis, Cassandra, Hadoop, InfluxDB, Elasticsearch/Kibana, Memcached or MongoDB.',
  rationale:
    'Data stores reachable from the internet are scanned continuously; unauthenticated Redis, MongoDB and Elasticsearch instances are a leading cause of mass data leaks, and an auditor treats such a rule as a failed access control over personal data.',
  remediation: {
    guidance:
      'Remove the rule or restrict it to application security groups: EC2 console > Security Groups > <group> > Inbound rules > Edit, or aws ec2 revoke-security-group-ingress --group-id <id> --ip-permissions <rule>.',
  },
  references: {
    awsConfigRule: 'RESTRICTED_INCOMING_TRAFFIC',
    securityHub: 'EC2.19',
    urls: [
      'https://docs.aws.amazon.com/config/latest/developerguide/restricted-common-ports.html',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html',
    ],
  },
  parameters: { ports: DATABASE_PORTS },
  evaluate: ({ resource, parameters }) =>
    judgeInternetPorts(resource, { ports: parameters.ports, noun: 'database port', passLabel: 'database ports' }),
});
