/// <reference lib="webworker" />
/** Thin Comlink shell over the engine: all logic lives in engine.ts and the domain. */
import * as Comlink from 'comlink';
import { openDatabase } from '../db/schema';
import { createEngine } from './engine';

const api = createEngine(() => openDatabase());
Comlink.expose(api);
