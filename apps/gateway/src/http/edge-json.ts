import { BadRequestException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { parseJsonAtEdge, type EdgeRefusal } from '@firstset/messaging';

/** A JSON body refused at the edge (`parseJsonAtEdge`): not JSON, too deep, or a value no route accepts. */
export class EdgeJsonRefused extends BadRequestException {
  constructor(readonly refusal: EdgeRefusal) {
    super(refusal.code);
  }
}

/** The media types read as JSON (what express.json reads by default, and `+json` types). */
export const JSON_MEDIA_TYPES = ['application/json', 'application/*+json'];

/**
 * Parses a JSON body that the text parser has read (size already bounded) with the edge's rules:
 * depth bounded before parsing, prototype keys, control characters and unsafe numbers refused
 * after. A body must be an object or a list, as express.json's strict mode had it.
 */
export function edgeJsonBody(req: Request, _res: Response, next: NextFunction): void {
  if (typeof req.body !== 'string' || !req.is(JSON_MEDIA_TYPES)) return next();
  if (req.body.trim() === '') {
    req.body = {};
    return next();
  }
  const parsed = parseJsonAtEdge(req.body);
  if (!parsed.ok) return next(new EdgeJsonRefused(parsed.refusal));
  if (parsed.value === null || typeof parsed.value !== 'object') {
    return next(new EdgeJsonRefused({ code: 'MALFORMED_JSON', detail: 'the body must be a JSON object or list' }));
  }
  req.body = parsed.value;
  next();
}
