import type { CallSinkModel, SchemaModel } from '../types.js';
import { global, mod, mods, named } from './api.js';

const FS = ['fs', 'node:fs', 'fs-extra', 'graceful-fs'];
const FS_PROMISES = ['fs/promises', 'node:fs/promises'];
const REDIS_WRITES =
  '{set,setex,setnx,psetex,getset,mset,msetnx,append,hset,hmset,hsetnx,lpush,rpush,lpushx,rpushx,lset,linsert,sadd,zadd,xadd,geoadd,setEx,setNX,pSetEx,getSet,mSet,hSet,hSetNX,hmSet,lPush,rPush,lSet,sAdd,zAdd,xAdd,json.set}';
const PRISMA_WRITES = '{create,createMany,createManyAndReturn,update,updateMany,upsert}';
const MONGO_UPDATES = '{updateOne,updateMany,replaceOne,findOneAndUpdate,findOneAndReplace,findByIdAndUpdate}';
const SSE = ['ServerSideEncryption', 'SSEKMSKeyId', 'SSECustomerKey', 'SSECustomerAlgorithm'];
const RECORDING_HINT = { properties: ['Key', 'Bucket', 'key'], pattern: 'recording|voicemail|\\.(wav|mp3|ogg|opus|m4a|gsm)\\b', kind: 'call-recording' } as const;

/** Persistent stores: databases, caches, files, browser storage, cookies, object storage. */
export const storageSinks: readonly CallSinkModel[] = [
  {
    id: 'prisma',
    describe: 'Prisma',
    category: 'storage',
    calls: [mod('@prisma/client', `new PrismaClient().*.${PRISMA_WRITES}`), named('^(prisma|\\w*Prisma|prismaService|tx)$', `*.${PRISMA_WRITES}`)],
    args: [0],
    payloadProperties: ['data', 'create', 'update'],
  },
  {
    id: 'typeorm',
    describe: 'TypeORM',
    category: 'storage',
    schemas: ['typeorm-column'],
    calls: [
      mod('typeorm', '*.getRepository().{save,insert,upsert}'),
      named('^\\w*(repo|Repo|repository|Repository)$', '{save,insert,upsert}'),
      named('^(manager|entityManager|em|\\w*Manager)$', '{save,insert,upsert}'),
      named('.', 'getRepository().{save,insert,upsert}'),
    ],
  },
  {
    id: 'typeorm-update',
    describe: 'TypeORM',
    category: 'storage',
    schemas: ['typeorm-column'],
    // update(criteria, partial): the criteria are a lookup.
    calls: [mod('typeorm', '*.getRepository().update'), named('^\\w*(repo|Repo|repository|Repository)$', 'update'), named('.', 'getRepository().update')],
    args: [1],
  },
  {
    id: 'typeorm-manager-update',
    describe: 'TypeORM',
    category: 'storage',
    schemas: ['typeorm-column'],
    calls: [named('^(manager|entityManager|em|\\w*Manager)$', 'update')],
    args: [2],
  },
  {
    id: 'sequelize',
    describe: 'Sequelize',
    category: 'storage',
    schemas: ['sequelize-define', 'sequelize-init', 'mongoose-schema'],
    calls: [mod('sequelize', 'define().{create,bulkCreate,upsert,update}'), named('^[A-Z]\\w*(Model)?$', '{create,bulkCreate,upsert,findOrCreate}')],
    args: [0],
  },
  {
    id: 'mongoose-construct',
    describe: 'Mongoose model',
    category: 'storage',
    schemas: ['mongoose-schema', 'sequelize-define', 'sequelize-init'],
    construct: true,
    calls: [mod('mongoose', 'model().new()'), mod('mongoose', 'default.model().new()')],
    args: [0],
  },
  {
    id: 'mongo-insert',
    describe: 'MongoDB',
    category: 'storage',
    schemas: ['mongoose-schema', 'sequelize-define', 'sequelize-init'],
    calls: [named('.', '{insertOne,insertMany}')],
    args: [0],
  },
  {
    id: 'mongo-update',
    describe: 'MongoDB',
    category: 'storage',
    schemas: ['mongoose-schema', 'sequelize-define', 'sequelize-init'],
    calls: [named('.', MONGO_UPDATES), mod('mongoose', `model().${MONGO_UPDATES}`), mod('mongoose', 'model().update')],
    args: [1],
  },
  {
    id: 'knex',
    describe: 'knex',
    category: 'storage',
    calls: [
      mod('knex', '()().{insert,update,upsert}'),
      named('^(knex|db|trx|database|qb)$', '{insert,update,upsert}'),
      named('^(knex|db|trx|database)$', 'insert().into'),
      // Query builders: `knex('leads').where({ id }).update({ phone })`.
      named('^(where|whereIn|andWhere|orWhere|whereNot|whereRaw|returning|onConflict|merge)$', '{update,insert}'),
    ],
    args: [0],
  },
  {
    id: 'drizzle',
    describe: 'Drizzle',
    category: 'storage',
    schemas: ['drizzle-table'],
    calls: [named('.', 'insert().values'), named('.', 'update().set'), named('.', 'insert().values().onConflictDoUpdate')],
    args: [0],
    payloadProperties: ['set'],
  },
  {
    id: 'raw-sql',
    describe: 'SQL query',
    category: 'storage',
    calls: [
      named('^(pool|client|db|database|conn|connection|pg|mysql|sqlite|tx|trx|sql|knex|sequelize|\\w*Pool|\\w*Client|\\w*Db|\\w*DB|\\w*Connection)$', '{query,execute,run,all,exec,raw,none,one,oneOrNone,many,any}'),
      mod('pg', 'new Pool().query'),
      mod('pg', 'new Client().query'),
      mod('mysql2/promise', 'createPool().{query,execute}'),
      mod('mysql2', 'createPool().{query,execute}'),
      mod('sqlite3', 'new Database().{run,all,get,exec}'),
      mod('sqlite3', 'Database.new().{run,all,get,exec}'),
    ],
    sql: true,
  },
  {
    id: 'mssql-request',
    describe: 'SQL query',
    category: 'storage',
    // mssql: pool.request().input('name', type, value)….query('INSERT … @name'); the values are the inputs.
    calls: [named('^input$', '{query,execute,batch}')],
    sql: true,
  },
  {
    id: 'prepared-sql',
    describe: 'SQL statement',
    category: 'storage',
    // The SQL is in prepare(); every argument of run() is a parameter.
    calls: [mod('better-sqlite3', 'new().prepare().{run,all,get}'), mod('sqlite3', 'new Database().prepare().{run,all,get}'), named('.', 'prepare().{run,all,get,execute}')],
    sql: true,
  },
  {
    id: 'sql-template',
    describe: 'SQL query',
    category: 'storage',
    calls: [named('^(sql|SQL|db|pg)$', '')],
    taggedTemplate: true,
    sql: true,
  },
  {
    id: 'redis',
    describe: 'Redis',
    category: 'storage',
    calls: [
      mod('ioredis', `new().${REDIS_WRITES}`),
      mod('ioredis', `new Redis().${REDIS_WRITES}`),
      mod('redis', `createClient().${REDIS_WRITES}`),
      named('^(redis|\\w*Redis|redisClient|\\w*RedisClient|cache|\\w*Cache|kv|pipeline|multi)$', REDIS_WRITES),
    ],
  },
  {
    id: 'dynamodb',
    describe: 'DynamoDB',
    category: 'storage',
    calls: [
      mod('aws-sdk', 'DynamoDB.new DocumentClient().{put,update,batchWrite,transactWrite}'),
      named('^(docClient|documentClient|dynamo|dynamoDb|dynamodb|ddb|ddbDoc|\\w*DocClient|\\w*DocumentClient)$', '{put,update,batchWrite,transactWrite,putItem,updateItem}'),
    ],
    args: [0],
    payloadProperties: ['Item', 'ExpressionAttributeValues', 'RequestItems', 'TransactItems'],
  },
  {
    id: 'dynamodb-command',
    describe: 'DynamoDB',
    category: 'storage',
    construct: true,
    calls: [
      mod('@aws-sdk/lib-dynamodb', '{new PutCommand(),new UpdateCommand(),new BatchWriteCommand(),new TransactWriteCommand()}'),
      mod('@aws-sdk/client-dynamodb', '{new PutItemCommand(),new UpdateItemCommand(),new BatchWriteItemCommand()}'),
      named('^(PutCommand|UpdateCommand|PutItemCommand|UpdateItemCommand|BatchWriteCommand|BatchWriteItemCommand)$', ''),
    ],
    args: [0],
    payloadProperties: ['Item', 'ExpressionAttributeValues', 'RequestItems', 'TransactItems'],
  },
  {
    id: 'firestore',
    describe: 'Firestore',
    category: 'storage',
    calls: [named('.', 'collection().doc().{set,update,create}'), named('.', 'collection().add'), named('^(\\w*Ref|\\w*ref|docRef|doc)$', '{set,update,create}')],
    args: [0],
  },
  {
    id: 'firestore-modular',
    describe: 'Firestore',
    category: 'storage',
    calls: [mod('firebase/firestore', '{setDoc,addDoc,updateDoc}'), named('^(setDoc|addDoc|updateDoc)$', '')],
    args: [1],
  },
  {
    id: 'fs-write',
    describe: 'file',
    category: 'storage',
    calls: [
      ...mods(FS, '{writeFile,writeFileSync,appendFile,appendFileSync}'),
      ...mods(FS, 'promises.{writeFile,appendFile}'),
      ...mods(FS_PROMISES, '{writeFile,appendFile}'),
      named('^(fsp|fsPromises)$', '{writeFile,appendFile}'),
    ],
    args: [1],
  },
  {
    id: 'fs-stream',
    describe: 'file stream',
    category: 'storage',
    calls: [...mods(FS, 'createWriteStream().{write,end}'), named('^\\w*(Stream|stream|Writer|writer|out|file|csv|Csv)$', '{write}')],
    args: [0],
  },
  {
    id: 'web-storage',
    describe: 'browser storage',
    category: 'storage',
    calls: [
      global('localStorage', 'setItem'),
      global('sessionStorage', 'setItem'),
      global('window', '{localStorage,sessionStorage}.setItem'),
    ],
  },
  {
    id: 'indexeddb',
    describe: 'IndexedDB',
    category: 'storage',
    calls: [named('.', 'objectStore().{put,add}'), named('^(\\w*Store|store)$', '{put,add}')],
    args: [0],
  },
  {
    id: 'idb',
    describe: 'IndexedDB',
    category: 'storage',
    // idb: db.put(storeName, value, key?)
    calls: [mod('idb', 'openDB().{put,add}'), named('^(\\w*Db|\\w*DB|db|idb)$', '{put,add}')],
    args: [1],
  },
  {
    id: 'idb-keyval',
    describe: 'IndexedDB',
    category: 'storage',
    calls: [mod('idb-keyval', 'set')],
  },
  {
    id: 'document-cookie',
    describe: 'document.cookie',
    category: 'storage',
    assignment: true,
    calls: [global('document', 'cookie')],
  },
  {
    id: 'response-cookie',
    describe: 'HTTP cookie',
    category: 'storage',
    calls: [named('^(res|response|reply|ctx|c)$', '{cookie,setCookie}'), named('^cookies$', 'set'), mod('js-cookie', 'set'), mod('js-cookie', 'default.set')],
    args: [1],
  },
  {
    id: 's3-put',
    describe: 'S3 upload',
    category: 'storage',
    calls: [mod('aws-sdk', 'new S3().{putObject,upload}'), named('^(s3|S3|s3Client|\\w*S3|bucket|storage)$', '{putObject,upload}')],
    args: [0],
    payloadProperties: ['Body'],
    safeWhenOption: SSE,
    contentHint: RECORDING_HINT,
  },
  {
    id: 's3-command',
    describe: 'S3 upload',
    category: 'storage',
    construct: true,
    calls: [mod('@aws-sdk/client-s3', 'new PutObjectCommand()'), mod('@aws-sdk/lib-storage', 'new Upload()'), named('^(PutObjectCommand|Upload)$', '')],
    args: [0],
    payloadProperties: ['Body', 'params'],
    safeWhenOption: SSE,
    contentHint: RECORDING_HINT,
  },
];

/** Schemas that declare stored columns and fields. */
export const schemas: readonly SchemaModel[] = [
  {
    id: 'typeorm-column',
    describe: 'TypeORM column',
    decorators: ['Column', 'PrimaryColumn', 'Index'],
    safeFieldOptions: ['transformer'],
  },
  {
    id: 'sequelize-define',
    describe: 'Sequelize model attribute',
    calls: [mod('sequelize', 'new Sequelize().define'), named('^(sequelize|db|\\w*Sequelize)$', 'define')],
    fieldsArg: 1,
    safeFieldOptions: ['set'],
  },
  {
    id: 'sequelize-init',
    describe: 'Sequelize model attribute',
    calls: [named('^[A-Z]\\w*$', 'init')],
    fieldsArg: 0,
    safeFieldOptions: ['set'],
  },
  {
    id: 'mongoose-schema',
    describe: 'Mongoose schema field',
    construct: true,
    calls: [mod('mongoose', 'new Schema()'), mod('mongoose', 'Schema.new()'), named('^Schema$', '')],
    fieldsArg: 0,
    safeFieldOptions: ['set', 'encrypt', 'encrypted'],
    pluginFieldOptions: ['fields', 'encryptedFields', 'fieldsToEncrypt', 'encryptFields'],
  },
  {
    id: 'drizzle-table',
    describe: 'Drizzle column',
    calls: [named('^(pgTable|mysqlTable|sqliteTable)$', '')],
    fieldsArg: 1,
    safeFieldOptions: [],
    safeFieldBuilders: '^(encrypted|\\w*Encrypted|\\w*encrypted|cipher\\w*)',
  },
];
