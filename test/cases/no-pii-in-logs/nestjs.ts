// NestJS calls module: controller for the Vonage answer webhook and the service that books callbacks.
import { Body, Controller, Injectable, Logger, NotFoundException, Post } from '@nestjs/common';
import { Vonage } from '@vonage/server-sdk';
import { maskPhone } from '@acme/pii';

export class ScheduleCallbackDto {
  leadId!: string;
  phoneNumber!: string;
  preferredAt!: string;
}

interface VonageAnswerEvent {
  uuid: string;
  conversation_uuid: string;
  from: string;
  to: string;
}

interface Callback {
  id: string;
  leadId: string;
  phoneNumber: string;
  preferredAt: Date;
}

@Injectable()
export class CallsService {
  private readonly logger = new Logger(CallsService.name);
  private readonly callbacks = new Map<string, Callback>();

  constructor(private readonly vonage: Vonage) {}

  scheduleCallback(dto: ScheduleCallbackDto): Callback {
    this.logger.log(`callback requested for ${dto.phoneNumber}`); // $ Alert[no-pii-in-logs]
    this.logger.log(`callback requested for ${maskPhone(dto.phoneNumber)}`); // safe: masked
    this.logger.log(`callback requested for lead ${dto.leadId} at ${dto.preferredAt}`); // safe: id and time

    const callback: Callback = { id: crypto.randomUUID(), leadId: dto.leadId, phoneNumber: dto.phoneNumber, preferredAt: new Date(dto.preferredAt) };
    this.callbacks.set(callback.id, callback);
    this.logger.debug(callback); // $ Alert[no-pii-in-logs]
    this.logger.debug({ callbackId: callback.id, leadId: callback.leadId }); // safe: identifiers
    return callback;
  }

  cancel(callbackId: string): void {
    const callback = this.callbacks.get(callbackId);
    if (!callback) {
      throw new NotFoundException(`callback ${callbackId} not found`); // safe: identifier
    }
    this.callbacks.delete(callbackId);
    this.logger.warn(`cancelled callback to ${callback.phoneNumber}`); // $ Alert[no-pii-in-logs]
    this.logger.warn(`cancelled callback ${callbackId}`); // safe: identifier
  }

  answered(event: VonageAnswerEvent): void {
    this.logger.verbose(`answer webhook ${event.uuid} from ${event.from}`); // $ Alert[no-pii-in-logs]
    this.logger.verbose(`answer webhook ${event.uuid} in conversation ${event.conversation_uuid}`); // safe: UUIDs
  }
}

@Controller('voice')
export class VoiceController {
  private readonly logger = new Logger(VoiceController.name);

  constructor(private readonly calls: CallsService) {}

  @Post('answer')
  answer(@Body() event: VonageAnswerEvent) {
    this.calls.answered(event);
    Logger.log(`answering call to ${event.to}`, VoiceController.name); // $ Alert[no-pii-in-logs]
    Logger.log(`answering call ${event.uuid}`, VoiceController.name); // safe: UUID
    return [{ action: 'talk', text: 'Connecting you to an agent.' }, { action: 'connect', endpoint: [{ type: 'app', user: 'queue' }] }];
  }

  @Post('callbacks')
  schedule(@Body() dto: ScheduleCallbackDto) {
    try {
      return this.calls.scheduleCallback(dto);
    } catch (err) {
      this.logger.error(`could not schedule callback for ${dto.leadId}`, (err as Error).stack); // safe: id and stack
      throw err;
    }
  }
}
