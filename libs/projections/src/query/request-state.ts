import { initialTransferRequestState, TransferRequestState } from '@app/transfer';

/** A request row's state column, over the initial state (a row written before a state field existed reads it as its initial value). */
export const requestStateOf = (json: string): TransferRequestState => ({ ...initialTransferRequestState, ...(JSON.parse(json) as TransferRequestState) });
