module.exports = require('../jest-grafana');
