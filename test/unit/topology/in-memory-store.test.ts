import { InMemoryBackend } from '../../../topology/state';
import { runStoreContractSuite } from '../../support/store-contract';

runStoreContractSuite('in-memory', () => Promise.resolve(new InMemoryBackend()));
