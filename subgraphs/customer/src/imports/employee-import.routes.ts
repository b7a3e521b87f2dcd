import { CsvError, parse } from 'csv-parse';
import { DomainError, IDENTITY_HEADER, InvalidTokenError, requireRole, verifyInternalIdentity, type Logger } from '@travel/platform';
import type { Express, Request, Response } from 'express';
import { MAX_IMPORT_ROWS, type EmployeeImportService } from './employee-import.service.js';

/** CSV header (any case, spaces or underscores) → the row field it fills. */
const COLUMNS: Record<string, string> = {
  email: 'email',
  name: 'name',
  department: 'department',
  level: 'level',
  title: 'title',
  costcenter: 'costCenter',
  manageremail: 'managerEmail',
  roles: 'roles',
};

/** One CSV record as the row the import service takes: blanks are absent, roles are split on ; or |, enums lower-cased. */
export function rowFromRecord(record: Record<string, string>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (value === '') continue;
    if (key === 'roles') row[key] = value.split(/[;|]/).map((r) => r.trim().toLowerCase()).filter(Boolean);
    else if (key === 'level') row[key] = value.toLowerCase();
    else row[key] = value;
  }
  return row;
}

/**
 * POST /imports/employees.csv: the importEmployees mutation for a CSV body
 * (header row: email, name, department, level, title, cost_center,
 * manager_email, roles). Authenticated like GraphQL by the router's identity
 * header, travel admins only. The body is parsed as it streams in and
 * refused as soon as it holds more rows than an import takes.
 */
export function employeeImportRoutes(deps: { imports: EmployeeImportService; secret: string; logger: Logger }) {
  const { imports, secret, logger } = deps;

  function fail(res: Response, error: unknown): void {
    if (error instanceof InvalidTokenError) {
      res.status(401).json({ errors: [{ code: 'UNAUTHENTICATED', message: error.message }] });
      return;
    }
    if (error instanceof DomainError) {
      res.status(error.code === 'VALIDATION_FAILED' ? 400 : 409).json({ errors: [{ code: error.code, message: error.message, field: error.field }] });
      return;
    }
    if (error instanceof CsvError) {
      res.status(400).json({ errors: [{ code: 'VALIDATION_FAILED', message: `CSV: ${error.message}`, field: null }] });
      return;
    }
    const code = (error as { extensions?: { code?: string } }).extensions?.code;
    if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN') {
      res.status(code === 'UNAUTHENTICATED' ? 401 : 403).json({ errors: [{ code, message: (error as Error).message }] });
      return;
    }
    logger.error({ err: error }, 'employee import failed');
    res.status(500).json({ errors: [{ code: 'INTERNAL', message: 'Internal server error' }] });
  }

  async function readRows(req: Request): Promise<Record<string, unknown>[]> {
    const parser = req.pipe(
      parse({
        bom: true,
        trim: true,
        skip_empty_lines: true,
        max_record_size: 64 * 1024,
        columns: (header: string[]) => header.map((h) => COLUMNS[h.toLowerCase().replace(/[\s_-]/g, '')] ?? false),
      }),
    );
    const rows: Record<string, unknown>[] = [];
    for await (const record of parser as AsyncIterable<Record<string, string>>) {
      if (rows.length === MAX_IMPORT_ROWS) {
        req.unpipe(parser);
        parser.destroy();
        throw new DomainError('VALIDATION_FAILED', `An import takes at most ${MAX_IMPORT_ROWS} rows`, 'rows');
      }
      rows.push(rowFromRecord(record));
    }
    return rows;
  }

  return (app: Express) => {
    app.post('/imports/employees.csv', async (req, res) => {
      try {
        const viewer = requireRole(await verifyInternalIdentity(req.header(IDENTITY_HEADER), secret), 'travel_admin');
        const result = await imports.importEmployees(viewer, await readRows(req));
        res.status(200).json(result);
      } catch (error) {
        fail(res, error);
      }
    });
  };
}
