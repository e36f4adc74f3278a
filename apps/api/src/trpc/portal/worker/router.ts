import { router } from '../../init';
import { create } from './create-worker';
import { remove } from './delete-worker';
import { get } from './get-worker';
import { list } from './list-workers';
import { update } from './update-worker';

export const workerRouter = router({ list, get, create, update, delete: remove });
