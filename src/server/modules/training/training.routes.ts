import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParam, page } from '../../../contracts/common';
import {
  CreateTalentBody,
  CreateTrainingSessionBody,
  Talent,
  TrainingListQuery,
  TrainingSession,
  TrainingSummary,
  TrainingSummaryQuery,
} from '../../../contracts/training';
import type { TrainingService } from './training.service';

const tags = ['training'];
const READERS = { orgKinds: ['ministry', 'provincial-regulator', 'enterprise'] } as const;
const RECORDERS = { orgKinds: ['enterprise'], roles: ['admin', 'member'] } as const;

/** Training sessions, certified talents and their roll-ups against the 34号 targets. */
export const trainingRoutes: FastifyPluginAsyncZod<{ training: TrainingService }> = async (app, d) => {
  app.get('/api/training/sessions', {
    config: { access: READERS },
    schema: { tags, querystring: TrainingListQuery, response: { 200: page(TrainingSession) } },
    handler: (req) => d.training.listSessions(req.ctx, req.query),
  });
  app.post('/api/training/sessions', {
    config: { access: RECORDERS },
    schema: { tags, body: CreateTrainingSessionBody, response: { 201: TrainingSession } },
    handler: async (req, reply) => reply.code(201).send(await d.training.createSession(req.ctx, req.body)),
  });
  app.get('/api/training/sessions/:id', {
    config: { access: READERS },
    schema: { tags, params: IdParam, response: { 200: TrainingSession } },
    handler: (req) => d.training.getSession(req.ctx, req.params.id),
  });
  app.delete('/api/training/sessions/:id', {
    config: { access: RECORDERS },
    schema: { tags, params: IdParam },
    handler: async (req, reply) => {
      await d.training.deleteSession(req.ctx, req.params.id);
      return reply.code(204).send();
    },
  });
  app.get('/api/training/talents', {
    config: { access: READERS },
    schema: { tags, querystring: TrainingListQuery, response: { 200: page(Talent) } },
    handler: (req) => d.training.listTalents(req.ctx, req.query),
  });
  app.post('/api/training/talents', {
    config: { access: RECORDERS },
    schema: { tags, body: CreateTalentBody, response: { 201: Talent } },
    handler: async (req, reply) => reply.code(201).send(await d.training.createTalent(req.ctx, req.body)),
  });
  app.get('/api/training/talents/:id', {
    config: { access: READERS },
    schema: { tags, params: IdParam, response: { 200: Talent } },
    handler: (req) => d.training.getTalent(req.ctx, req.params.id),
  });
  app.delete('/api/training/talents/:id', {
    config: { access: RECORDERS },
    schema: { tags, params: IdParam },
    handler: async (req, reply) => {
      await d.training.deleteTalent(req.ctx, req.params.id);
      return reply.code(204).send();
    },
  });
  app.get('/api/training/summary', {
    config: { access: READERS },
    schema: { tags, querystring: TrainingSummaryQuery, response: { 200: TrainingSummary } },
    handler: (req) => d.training.summary(req.ctx, req.query),
  });
};
