import { from, map, type Observable } from 'rxjs';
import {
  CustomVariableSupport,
  FieldType,
  createDataFrame,
  type DataQueryRequest,
  type DataQueryResponse,
  type DataSourceApi,
  type LegacyMetricFindQueryOptions,
  type MetricFindValue,
} from '@grafana/data';
import type { DataQuery } from '@grafana/schema';
import { VariableEditor } from '../components/VariableQueryEditor';
import type { TwinDataSourceOptions, TwinQuery, TwinVariableQuery } from '../types';

/** A variable's query as Grafana stores it: the editor's query with a refId. */
export type TwinVariableRequest = TwinVariableQuery & DataQuery;

/**
 * Query variables through Grafana's current variable API (the editor and the values), so the
 * plugin does not lean on the legacy `setVariableQueryEditor` path Grafana is retiring.
 */
export class TwinVariableSupport extends CustomVariableSupport<
  DataSourceApi<TwinQuery, TwinDataSourceOptions>,
  TwinVariableRequest,
  TwinQuery,
  TwinDataSourceOptions
> {
  editor = VariableEditor;

  /** `findValues` is the datasource's metricFindQuery (variables replaced, then the collector asked). */
  constructor(
    private readonly findValues: (
      query: TwinVariableQuery,
      options: LegacyMetricFindQueryOptions
    ) => Promise<MetricFindValue[]>
  ) {
    super();
  }

  /** Values as a frame of `text` and `value` fields, the shape Grafana reads variable options from. */
  query(request: DataQueryRequest<TwinVariableRequest>): Observable<DataQueryResponse> {
    const [target] = request.targets;
    return from(this.findValues(target, { scopedVars: request.scopedVars, range: request.range })).pipe(
      map((values) => ({
        data: [
          createDataFrame({
            refId: target.refId,
            fields: [
              { name: 'text', type: FieldType.string, values: values.map((v) => String(v.text)) },
              { name: 'value', type: FieldType.string, values: values.map((v) => String(v.value ?? v.text)) },
            ],
          }),
        ],
      }))
    );
  }
}
