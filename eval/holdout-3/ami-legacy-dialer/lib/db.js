'use strict';

const mysql = require('mysql2/promise');
const config = require('../config');
const log = require('./logger').getLogger('db');

const pool = mysql.createPool({
  ...config.mysql,
  waitForConnections: true,
  namedPlaceholders: false,
  timezone: 'Z',
});

async function ping() {
  const [rows] = await pool.query('SELECT 1 AS ok');
  return rows[0].ok === 1;
}

async function withTransaction(fn) {
  const conn = await pool.getConnection();
  try {
    await conn.beginTransaction();
    const result = await fn(conn);
    await conn.commit();
    return result;
  } catch (err) {
    await conn.rollback();
    log.error('transaction rolled back: %s', err.code || err.message);
    throw err;
  } finally {
    conn.release();
  }
}

module.exports = { pool, ping, withTransaction };
