import { parsePetshopGraph, parsePetshopMetrics } from './petshop-csv';

describe('parsePetshopGraph', () => {
  it('reads row → column ones as call edges', () => {
    expect(parsePetshopGraph(',a,b,c\na,0.0,1.0,1.0\nb,0.0,0.0,1.0\nc,0,0,0\n', 'g.csv')).toEqual([
      { from: 'a', to: 'b' },
      { from: 'a', to: 'c' },
      { from: 'b', to: 'c' },
    ]);
  });

  it.each([
    ['', 'g.csv:1: empty file, expected a header row of node names'],
    [',a,b\na,0,1\n', 'g.csv: 1 node rows, header names 2 nodes'],
    [',a,b\na,0,1\nb,0\n', 'g.csv:3: 2 cells, expected 3'],
    [',a,b\nb,0,1\na,0,0\n', 'g.csv:2: row names "b", expected "a" (the header\'s order)'],
    [',a,b\na,0,x\nb,0,0\n', 'g.csv:2: column 3 is not a number, got "x"'],
  ])('rejects %p', (text, message) => {
    expect(() => parsePetshopGraph(text, 'g.csv')).toThrow(message);
  });
});

const HEAD = 'microservice,a,a,b\nmetric,latency,availability,latency\nstatistic,Average,Average,p99\nunix_timestamp,,,\n';

describe('parsePetshopMetrics', () => {
  it('reads the three name rows and the samples, empty cells as missing', () => {
    expect(parsePetshopMetrics(`${HEAD}100.0,0.5,,2\n400.0,0.25,99.5,\n`, 'm.csv')).toEqual({
      timestamps: [100, 400],
      columns: [
        { node: 'a', metric: 'latency', statistic: 'Average', values: [0.5, 0.25] },
        { node: 'a', metric: 'availability', statistic: 'Average', values: [NaN, 99.5] },
        { node: 'b', metric: 'latency', statistic: 'p99', values: [2, NaN] },
      ],
    });
  });

  it.each([
    ['metric,a\n', 'm.csv:1: expected a "microservice" header row, got "metric"'],
    ['microservice,a\nmetric,x\n', 'm.csv:3: expected a "statistic" header row, got ""'],
    ['microservice,a,\nmetric,x,y\nstatistic,s,t\nunix_timestamp,,\n1,2,3\n', 'm.csv:1: column 3 lacks a node, metric or statistic name'],
    [HEAD, 'm.csv: no sample rows after the header'],
    [`${HEAD}1,2,3\n`, 'm.csv:5: 3 cells, header has 4'],
    [`${HEAD}x,1,2,3\n`, 'm.csv:5: unix_timestamp is not a number, got "x"'],
    [`${HEAD}5,1,2,3\n5,1,2,3\n`, 'm.csv:6: unix_timestamp 5 does not follow the previous row\'s'],
    [`${HEAD}5,1,abc,3\n`, 'm.csv:5: column 3 is not a number, got "abc"'],
  ])('rejects %p', (text, message) => {
    expect(() => parsePetshopMetrics(text, 'm.csv')).toThrow(message);
  });
});
