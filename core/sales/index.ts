// Sales (its read models: the shared sales ledger, core/ledger/, and the terms orders were sold on): what the shell installs
// from this area — its commands, the read models it keeps current, and the read-model queries
// (facts) its commands decide on. core/catalog.ts collects it.
import type { FactQueries } from '../fold/facts';
import type { Projection } from '../fold/projection';
import { saleCommands } from './decider';
import { salesLedgerProjection } from '../ledger/salesLedger';
import { saleTermsProjection } from './readModels/saleTerms';

export const commands = saleCommands;
export const projections: readonly Projection<any>[] = [salesLedgerProjection, saleTermsProjection];
export const facts: FactQueries = [];
